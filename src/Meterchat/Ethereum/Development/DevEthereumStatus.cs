namespace Meterchat.Ethereum.Development;

/// <summary>The development node's state as the app sees it, set by <see cref="DevEthereumNode"/>.</summary>
public sealed class DevEthereumStatus
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public DevEthereumStatus(DevEthereumState state, string detail)
    {
        State = state;
        Detail = detail;
        Set(state, detail);
    }

    public DevEthereumState State { get; private set; }

    /// <summary>A sentence for the Top up page: what is happening, or how to enable Ethereum.</summary>
    public string Detail { get; private set; }

    /// <summary>Completes once the node answers and the dev tokens are deployed; fails when it is off or failed.</summary>
    public Task Ready => _ready.Task;

    internal void Set(DevEthereumState state, string detail)
    {
        (State, Detail) = (state, detail);
        if (state == DevEthereumState.Ready)
        {
            _ready.TrySetResult();
        }
        else if (state is DevEthereumState.Off or DevEthereumState.Failed)
        {
            _ready.TrySetException(new InvalidOperationException(detail));
        }
    }
}
