using System.Numerics;

namespace Meterchat.Ethereum;

/// <summary>
/// A signed EIP-1559 transaction as it is stored before broadcast: the raw bytes can be sent again any number of
/// times (the network accepts a transaction once per sender nonce), and the hash is known before the node sees it.
/// </summary>
public sealed record SignedEthereumTransaction(string Hash, byte[] Raw, EthereumAddress From, BigInteger Nonce, EthereumFee Fee);
