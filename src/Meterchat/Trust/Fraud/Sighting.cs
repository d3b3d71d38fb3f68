namespace Meterchat.Trust.Fraud;

/// <summary>A user seen from an IP address and a browser (the <c>mc_device</c> cookie): at sign-in and when joining a chat.</summary>
public sealed class Sighting
{
    public long Id { get; set; }

    public required string UserId { get; set; }

    /// <summary>The client's address, or "" when unknown or ignored.</summary>
    public required string Ip { get; set; }

    /// <summary>The device cookie's value, or "" when the client sent none (a script with a bearer token).</summary>
    public required string DeviceId { get; set; }

    public DateTimeOffset FirstSeen { get; set; }

    public DateTimeOffset LastSeen { get; set; }
}
