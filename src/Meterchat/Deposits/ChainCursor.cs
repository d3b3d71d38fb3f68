namespace Meterchat.Deposits;

/// <summary>The watcher's durable progress: the last block whose deposits are recorded.</summary>
public sealed class ChainCursor
{
    public const string DepositsName = "deposits";

    public string Name { get; set; } = "";

    public long LastBlock { get; set; }
}
