namespace Meterchat.Chats;

/// <summary>The two people in a chat: the buyer pays, the seller earns.</summary>
public enum Party
{
    Buyer,
    Seller,
}
