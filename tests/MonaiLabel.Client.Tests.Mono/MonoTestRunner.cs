using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Xml.Linq;
using Xunit;
using Xunit.Abstractions;

namespace MonaiLabel.Client.Tests.Mono;

// xUnit3000 asks sinks to cross AppDomains (LongLivedMarshalByRefObject, which xunit.execution and
// xunit.runner.utility both define); this runner uses none.
#pragma warning disable xUnit3000

/// <summary>
/// Runs this assembly's tests in this process, under Mono (issue 21). Why not <c>xunit.console.exe</c>: its
/// front controller always adds a Visual Studio source-information provider, which loads the test assembly into a
/// second AppDomain and unloads it after the last test; Mono's AppDomain unload there crashed the runner with SIGSEGV
/// in <c>Xunit.DiaSessionWrapper.Dispose</c> after every test had finished (seen here, managed stack in the log), the
/// same place a run that "finished every test and then did not exit" was stuck. This runner uses the same xunit
/// front controller with no AppDomain (the exe's own config carries the binding redirects) and no source information,
/// and prints what .ci/run reads: a <c>[STARTING]</c>/<c>[FINISHED]</c> line per test, <c>[FAIL]</c> with the
/// message, the summary, and an xunit v2-shaped <c>&lt;assembly total= passed= failed= skipped= errors=&gt;</c> report.
/// Usage: <c>mono MonaiLabel.Client.Tests.Mono.exe [-xml FILE] [-method NAME-PREFIX[,NAME-PREFIX…]] [-no-io-warmup]</c>
/// (<see cref="MonoIoSelectorWarmUp"/>).
/// </summary>
public static class MonoTestRunner
{
    public static int Main(string[] args)
    {
        string? xml = null;
        string? filter = null;
        var ioWarmUp = true;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "-xml" when i + 1 < args.Length:
                    xml = args[++i];
                    break;
                case "-method" when i + 1 < args.Length:
                    filter = args[++i];
                    break;
                case "-no-io-warmup":
                    ioWarmUp = false;
                    break;
                default:
                    Console.Error.WriteLine($"unknown argument '{args[i]}'; usage: [-xml FILE] [-method NAME-PREFIX[,NAME-PREFIX...]] [-no-io-warmup]");
                    return 2;
            }
        }

        if (ioWarmUp)
        {
            MonoIoSelectorWarmUp.Run();
        }

        var assembly = typeof(MonoTestRunner).Assembly.Location;
        var configuration = ConfigReader.Load(assembly);
        using var controller = new XunitFrontController(
            AppDomainSupport.Denied, assembly, shadowCopy: false, sourceInformationProvider: new NoSourceInformation());

        using var discovery = new DiscoverySink();
        controller.Find(includeSourceInformation: false, discovery, TestFrameworkOptions.ForDiscovery(configuration));
        discovery.Finished.WaitOne();
        var testCases = discovery.TestCases
            .Where(t => filter == null
                || filter.Split(',').Any(prefix => t.DisplayName.StartsWith(prefix, StringComparison.Ordinal)))
            .ToList();

        Console.WriteLine($"  Starting:    {Path.GetFileNameWithoutExtension(assembly)} ({testCases.Count} test cases)");
        using var execution = new ExecutionSink();
        controller.RunTests(testCases, execution, TestFrameworkOptions.ForExecution(configuration));
        execution.Finished.WaitOne();

        var name = Path.GetFileNameWithoutExtension(assembly);
        Console.WriteLine($"  Finished:    {name}");
        Console.WriteLine("=== TEST EXECUTION SUMMARY ===");
        Console.WriteLine(
            $"   {name}  Total: {execution.Total}, Errors: {execution.Errors}, Failed: {execution.Failed}, " +
            $"Skipped: {execution.Skipped}, Time: {execution.Time:0.###}s");
        if (xml != null)
        {
            new XElement("assemblies",
                new XElement("assembly",
                    new XAttribute("name", assembly),
                    new XAttribute("total", execution.Total),
                    new XAttribute("passed", execution.Passed),
                    new XAttribute("failed", execution.Failed),
                    new XAttribute("skipped", execution.Skipped),
                    new XAttribute("errors", execution.Errors),
                    new XAttribute("time", execution.Time.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture))))
                .Save(xml);
        }

        var code = execution.Failed + execution.Errors == 0 ? 0 : 1;
        Console.Out.Flush();
        Console.Error.Flush();

        // Everything is reported: end the process here. Mono's own shutdown aborts the threads still alive, and in 1 of
        // 20 runs its timer thread died there ("FATAL UNHANDLED EXCEPTION ... ThreadAbortException" in
        // Timer+TimerComparer.Compare, exit 1) after all 983 tests had passed: a runtime teardown, not a test result.
        if (Type.GetType("Mono.Runtime") != null)
        {
            ExitNow(code);
        }

        return code;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "_exit")]
    private static extern void ExitNow(int status);

    private sealed class NoSourceInformation : ISourceInformationProvider
    {
        public ISourceInformation GetSourceInformation(ITestCase testCase) => new SourceInformation();

        public void Dispose()
        {
        }
    }

    private sealed class DiscoverySink : IMessageSink, IDisposable
    {
        public List<ITestCase> TestCases { get; } = new();

        public ManualResetEvent Finished { get; } = new(false);

        public bool OnMessage(IMessageSinkMessage message)
        {
            if (message is ITestCaseDiscoveryMessage found)
            {
                TestCases.Add(found.TestCase);
            }
            else if (message is IDiscoveryCompleteMessage)
            {
                Finished.Set();
            }

            return true;
        }

        public void Dispose() => Finished.Dispose();
    }

    private sealed class ExecutionSink : IMessageSink, IDisposable
    {
        private readonly object _gate = new();

        public ManualResetEvent Finished { get; } = new(false);

        public int Total { get; private set; }

        public int Passed { get; private set; }

        public int Failed { get; private set; }

        public int Skipped { get; private set; }

        public int Errors { get; private set; }

        public decimal Time { get; private set; }

        public bool OnMessage(IMessageSinkMessage message)
        {
            lock (_gate)
            {
                switch (message)
                {
                    case ITestStarting starting:
                        Console.WriteLine($"    {starting.Test.DisplayName} [STARTING]");
                        break;
                    case ITestPassed:
                        Total++;
                        Passed++;
                        break;
                    case ITestFailed failed:
                        Total++;
                        Failed++;
                        Console.WriteLine($"    {failed.Test.DisplayName} [FAIL]");
                        Console.WriteLine($"      {string.Join(Environment.NewLine + "      ", failed.Messages ?? Array.Empty<string>())}");
                        Console.WriteLine($"      {string.Join(Environment.NewLine + "      ", failed.StackTraces ?? Array.Empty<string>())}");
                        break;
                    case ITestSkipped skipped:
                        Total++;
                        Skipped++;
                        Console.WriteLine($"    {skipped.Test.DisplayName} [SKIP] {skipped.Reason}");
                        break;
                    case ITestFinished finished:
                        Console.WriteLine($"    {finished.Test.DisplayName} [FINISHED] Time: {finished.ExecutionTime}s");
                        break;
                    case IErrorMessage error:
                        Errors++;
                        Console.WriteLine($"    [ERROR] {string.Join(" ", error.Messages ?? Array.Empty<string>())}");
                        break;
                    case IFailureInformation cleanupFailure:
                        // A fixture, class or collection cleanup that threw: counted as an error, as xunit.console does.
                        Errors++;
                        Console.WriteLine($"    [ERROR] {string.Join(" ", cleanupFailure.Messages ?? Array.Empty<string>())}");
                        break;
                    case ITestAssemblyFinished assemblyFinished:
                        Time = assemblyFinished.ExecutionTime;
                        Finished.Set();
                        break;
                }
            }

            return true;
        }

        public void Dispose() => Finished.Dispose();
    }
}
