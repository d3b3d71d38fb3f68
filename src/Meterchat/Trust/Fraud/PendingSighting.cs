namespace Meterchat.Trust.Fraud;

/// <summary>A sighting waiting for the next batch write; its caller awaits <see cref="Done"/>.</summary>
internal sealed class PendingSighting(string userId, string ip, string deviceId, DateTimeOffset at)
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string UserId { get; } = userId;

    public string Ip { get; } = ip;

    public string DeviceId { get; } = deviceId;

    public DateTimeOffset At { get; } = at;

    /// <summary>Completes when the sighting is stored and the rules it can fire have run.</summary>
    public Task Done => _done.Task;

    public void Complete() => _done.TrySetResult();

    public void Fail(Exception e) => _done.TrySetException(e);
}
