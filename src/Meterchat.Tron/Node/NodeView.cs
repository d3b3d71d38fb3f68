namespace Meterchat.Tron.Node;

/// <summary>Which state a query reads: the node's head (<c>/wallet/</c>) or its solidified, final state (<c>/walletsolidity/</c>).</summary>
public enum NodeView
{
    Head,
    Solidified,
}
