using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace MonaiLabel.Client.Tests.Ecosystem;

/// <summary>
/// Each operation declares whether it may repeat (x-monailabel-idempotent in the spec, carried by the request's
/// RequestContext, which the retry handler reads), rather than the retry handler recognising paths or operation ids.
/// </summary>
public class IdempotencyTests
{
    [Fact]
    public async Task PUT_of_label_info_is_retried_as_its_operation_declares()
    {
        var calls = 0;
        using var server = new ScriptedServer(_ => Interlocked.Increment(ref calls) == 1 ? Reply.Status503 : Reply.Json("{}"));
        using var client = MonaiLabelClient.Create(server.Options());

        await client.Rest.UpdateLabelInfoAsync("img", "final", new UpdateInfoForm { Info = "{\"reviewed\":true}" });

        Assert.Equal(2, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.Equal("PUT", r.Method));
    }

    [Fact]
    public async Task The_legacy_PUT_of_label_info_is_not_declared_idempotent_and_is_not_retried()
    {
        using var server = new ScriptedServer(_ => Reply.Status503);
        using var client = MonaiLabelClient.Create(server.Options());

#pragma warning disable CS0612 // the deprecated alias is what this pins
        await Assert.ThrowsAsync<MonaiLabelClientException>(() =>
            client.Rest.UpdateLabelInfoLegacyAsync("img", "final", new UpdateLabelInfoLegacyForm()));
#pragma warning restore CS0612

        Assert.Single(server.Requests);
    }

    [Fact]
    public void A_request_no_operation_declared_is_idempotent_by_its_method_only()
    {
        Assert.True(RequestContext.IsIdempotent(new HttpRequestMessage(HttpMethod.Get, "datastore/image/info")));
        Assert.False(RequestContext.IsIdempotent(new HttpRequestMessage(HttpMethod.Put, "datastore/image/info")));

        var declared = new HttpRequestMessage(HttpMethod.Put, "anything");
        RequestContext.Attach(declared, new OperationDeclaration("anyWrite", AnswerKind.Json, idempotentWrite: true, imageIdFromFileName: false), new System.Uri("http://127.0.0.1/"));
        Assert.True(RequestContext.IsIdempotent(declared));
        var undeclared = new HttpRequestMessage(HttpMethod.Put, "anything");
        RequestContext.Attach(undeclared, new OperationDeclaration("anyWrite", AnswerKind.Json, idempotentWrite: false, imageIdFromFileName: false), new System.Uri("http://127.0.0.1/"));
        Assert.False(RequestContext.IsIdempotent(undeclared));
    }
}
