using System;
using System.Linq;
using Newtonsoft.Json;
using Xunit;

namespace MonaiLabel.Client.Tests.Client;

/// <summary>
/// BackgroundTask.Status is typed (issue 24): the states MONAI Label sets (upstream utils/async_tasks: SUBMITTED,
/// RUNNING, DONE, ERROR, STOPPED) are named; anything else a server sends is kept as it came, never an exception.
/// </summary>
public class BackgroundTaskStateTests
{
    public static TheoryData<string, string, bool> KnownStates() => new()
    {
        { "SUBMITTED", nameof(BackgroundTaskState.Submitted), false },
        { "RUNNING", nameof(BackgroundTaskState.Running), false },
        { "DONE", nameof(BackgroundTaskState.Done), true },
        { "ERROR", nameof(BackgroundTaskState.Error), true },
        { "STOPPED", nameof(BackgroundTaskState.Stopped), true },
    };

    [Theory]
    [MemberData(nameof(KnownStates))]
    public void A_state_the_server_sets_reads_as_its_named_value(string wire, string name, bool final)
    {
        var named = (BackgroundTaskState)typeof(BackgroundTaskState).GetProperty(name)!.GetValue(null)!;

        var task = Read("{\"id\":\"t1\",\"status\":\"" + wire + "\"}");

        Assert.Equal(named, task.Status);
        Assert.Equal(wire, task.Status!.Value.ToString());
        Assert.Equal(final, task.Status.Value.IsFinal);
    }

    [Fact]
    public void An_unknown_state_is_kept_as_it_came()
    {
        var task = Read("{\"id\":\"t1\",\"status\":\"Paused (by admin)\"}");

        Assert.Equal("Paused (by admin)", task.Status.ToString());
        Assert.False(task.Status!.Value.IsFinal);
        Assert.NotEqual(BackgroundTaskState.Running, task.Status);
        Assert.Equal(new BackgroundTaskState("Paused (by admin)"), task.Status);
    }

    [Theory]
    [InlineData("3", "3")]
    [InlineData("true", "true")]
    [InlineData("{\"code\":\"DONE\"}", "{\"code\":\"DONE\"}")]
    [InlineData("[\"DONE\"]", "[\"DONE\"]")]
    public void A_status_that_is_not_a_string_is_kept_as_its_json_text(string json, string kept)
    {
        var task = Read("{\"id\":\"t1\",\"status\":" + json + ",\"details\":[\"after\"]}");

        Assert.Equal(kept, task.Status.ToString());
        Assert.Equal(new[] { "after" }, task.Details); // the rest of the answer is still read
    }

    [Theory]
    [InlineData("{\"id\":\"t1\",\"status\":null}")]
    [InlineData("{\"id\":\"t1\"}")]
    public void No_status_is_null(string json)
    {
        Assert.Null(Read(json).Status);
    }

    [Fact]
    public void Comparison_ignores_case_and_a_string_converts()
    {
        BackgroundTaskState done = "done";

        Assert.True(done == BackgroundTaskState.Done);
        Assert.False(done != BackgroundTaskState.Done);
        Assert.True(done.Equals((object)BackgroundTaskState.Done));
        Assert.Equal(BackgroundTaskState.Done.GetHashCode(), done.GetHashCode());
        Assert.Equal("done", done.ToString()); // as it came
        Assert.Equal(2, new[] { "RUNNING", "running", "DONE" }.Select(s => new BackgroundTaskState(s)).Distinct().Count());
        Assert.Throws<ArgumentNullException>(() => new BackgroundTaskState(null!));
    }

    [Fact]
    public void Written_back_as_the_wire_string()
    {
        var json = JsonConvert.SerializeObject(new BackgroundTask { Id = "t1", Status = BackgroundTaskState.Stopped });
        var unknown = JsonConvert.SerializeObject(new BackgroundTask { Id = "t1", Status = "QUEUED" });

        Assert.Contains("\"status\":\"STOPPED\"", json);
        Assert.Contains("\"status\":\"QUEUED\"", unknown);
        Assert.Equal(BackgroundTaskState.Stopped, Read(json).Status);
    }

    private static BackgroundTask Read(string json) => JsonConvert.DeserializeObject<BackgroundTask>(json)!;
}
