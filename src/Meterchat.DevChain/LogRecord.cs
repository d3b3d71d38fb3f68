using Meterchat.Tron.Encoding;

namespace Meterchat.DevChain;

/// <summary>A log a contract emitted: its address, topics and data (hex).</summary>
internal sealed record LogRecord(TronAddress Address, IReadOnlyList<string> Topics, string Data);
