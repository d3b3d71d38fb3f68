namespace Meterchat.IntegrationTests.Hosting;

/// <summary>What an operator command printed, and how it exited.</summary>
internal sealed record OperatorRun(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}
