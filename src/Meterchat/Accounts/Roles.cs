namespace Meterchat.Accounts;

/// <summary>The roles of the product: everyone is a buyer; seller is opt-in; admin runs the platform.</summary>
public static class Roles
{
    public const string Buyer = "buyer";
    public const string Seller = "seller";
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Buyer, Seller, Admin];
}
