namespace Meterchat.Bench.Chats;

/// <summary>What the hub clients saw in the measuring window (latencies in ms; CPU of a separate client process, else 0).</summary>
internal sealed record HubWindow(int Live, int Connections, double PushesPerSecond, double PushP50, double PushP99, double PushMax, long Messages, double ClientCpuMicros);
