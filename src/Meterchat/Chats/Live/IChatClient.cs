namespace Meterchat.Chats.Live;

/// <summary>What the server calls on a party's browser.</summary>
public interface IChatClient
{
    /// <summary>The session's state, pushed on every change and every charged unit (server timestamps).</summary>
    Task Status(ChatStatus status);

    /// <summary>The session ended: the receipt.</summary>
    Task Ended(ReceiptView receipt);

    /// <summary>A WebRTC message from the other party (offer, answer, ice).</summary>
    Task Signal(string kind, string payload);

    /// <summary>The buyer tipped (the trust feature's tips): amount, the seller's share and the fee.</summary>
    Task Tipped(TipNotice tip);

    /// <summary>The other party joined (the buyer then makes the offer).</summary>
    Task PeerJoined(string role);
}
