using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace MonaiLabel.Client.Tests.Ecosystem;

/// <summary>
/// Each generated operation declares how it reads its answer (from the spec's result type); the answer limits act on
/// that declaration, not on the Accept header.
/// </summary>
public class DeclaredAnswerTests
{
    [Fact]
    public async Task Each_operation_declares_the_answer_its_result_type_reads()
    {
        var seen = new List<AnswerKind>();
        using var http = new HttpClient(new Answering(seen, "{}", "application/json")) { BaseAddress = new Uri("http://monailabel.test/") };
        using var client = new MonaiLabelClient(http);

        await client.Rest.GetAppInfoAsync();
        await client.Rest.GetLogsAsync(10, false, true, 0);
        (await client.Rest.DownloadLabelAsync("img", "final")).Dispose();
        await client.Rest.CheckImageAsync("img");

        Assert.Equal("Json Text Stream Stream", string.Join(" ", seen)); // as text: Mono's xunit compares enum arrays by their numbers
    }

    [Fact]
    public void A_request_no_operation_declared_is_streamed()
    {
        Assert.Equal(AnswerKind.Stream, RequestContext.AnswerOf(new HttpRequestMessage(HttpMethod.Get, "info/")));
        Assert.Equal(AnswerKind.Stream, RequestContext.AnswerOf(null));
    }

    [Fact]
    public async Task A_JSON_operation_rejects_an_HTML_answer_even_when_a_handler_dropped_its_Accept_header()
    {
        using var http = new HttpClient(new Answering(new List<AnswerKind>(), "<html>login</html>", "text/html", dropAccept: true))
        {
            BaseAddress = new Uri("http://monailabel.test/"),
        };
        using var client = new MonaiLabelClient(http);

        var error = await Assert.ThrowsAsync<MonaiLabelClientException>(() => client.GetAppInfoAsync());

        Assert.Equal(MonaiLabelErrorKind.InvalidResponse, error.Kind);
        Assert.Contains("text/html", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_text_operation_takes_a_text_answer_when_a_handler_dropped_its_Accept_header()
    {
        using var http = new HttpClient(new Answering(new List<AnswerKind>(), "line 1\nline 2", "text/plain", dropAccept: true))
        {
            BaseAddress = new Uri("http://monailabel.test/"),
        };
        using var client = new MonaiLabelClient(http);

        Assert.Equal("line 1\nline 2", await client.GetLogsAsync(2));
    }

    private sealed class Answering(List<AnswerKind> seen, string body, string mediaType, bool dropAccept = false) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            seen.Add(RequestContext.AnswerOf(request));
            if (dropAccept)
            {
                request.Headers.Accept.Clear();
            }

            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent(body, Encoding.UTF8, mediaType),
                RequestMessage = request,
            });
        }
    }
}
