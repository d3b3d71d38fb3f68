namespace Meterchat.Tron.Tests.Node;

/// <summary>
/// Node replies as recorded from real nodes, kept byte for byte where a real reply was published, and
/// re-shaped from real chain data where only the data was (each says which). Sources:
/// ../shared/tron/vectors.json ids in brackets; mainnet transactions are public chain data.
/// </summary>
internal static class NodeFixtures
{
    /// <summary>[info-usdt-ledger-0130] gettransactioninfobyid of a successful mainnet USDT transfer (visible=false).</summary>
    public const string UsdtSuccessInfo = """
        {
          "id": "0130dfde9281a48378109039ef512229d5359fbee2a8adbb17ad73aebc67ea99",
          "fee": 26420100,
          "blockNumber": 69316562,
          "blockTimeStamp": 1738601505000,
          "contractResult": ["0000000000000000000000000000000000000000000000000000000000000000"],
          "contract_address": "41a614f803b6fd780986a42c78ec9c7f77e6ded13c",
          "receipt": {
            "energy_usage": 4475,
            "energy_fee": 26420100,
            "energy_usage_total": 130285,
            "net_usage": 345,
            "result": "SUCCESS",
            "energy_penalty_total": 100635
          },
          "log": [
            {
              "address": "a614f803b6fd780986a42c78ec9c7f77e6ded13c",
              "topics": [
                "ddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef",
                "0000000000000000000000006e3b44b96104b26f84057974a1f0c9880f7c9b13",
                "000000000000000000000000ec20315a879c48f5e3a6a1c9826d5225f8b658b8"
              ],
              "data": "00000000000000000000000000000000000000000000000000000000027bf24d"
            }
          ]
        }
        """;

    /// <summary>Mainnet USDT transfer e63a324a… that ran out of energy (block 66860010): FAILED, no log.</summary>
    public const string UsdtOutOfEnergyInfo = """
        {
          "id": "e63a324a43aebfe41273db4f7fdfe325b2257b4f5711595a5fc0f8a75cf1b481",
          "fee": 16500120,
          "blockNumber": 66860010,
          "blockTimeStamp": 1731229605000,
          "contractResult": [""],
          "contract_address": "41a614f803b6fd780986a42c78ec9c7f77e6ded13c",
          "receipt": {
            "energy_fee": 16500120,
            "energy_usage_total": 78572,
            "net_usage": 345,
            "result": "OUT_OF_ENERGY",
            "energy_penalty_total": 25905
          },
          "result": "FAILED",
          "resMessage": "4e6f7420656e6f75676820656e6572677920666f7220275353544f524527206f7065726174696f6e20657865637574696e673a20637572496e766f6b65456e657267794c696d69745b37383537325d2c206375724f70456e657267795b32303030305d2c2070656e616c7479456e657267795b36383030305d2c2075736564456e657267795b33333536375d"
        }
        """;

    /// <summary>Mainnet TRX transfer 23897196… (block 66862205): a system contract, so no receipt.result.</summary>
    public const string TrxTransferInfo = """
        {
          "id": "2389719608ed69f7ec3e72c1abb92acaa43b7175f3062f4ebc6e2e02cc82d0d2",
          "blockNumber": 66862205,
          "blockTimeStamp": 1731236190000,
          "contractResult": [""],
          "receipt": { "net_usage": 265 }
        }
        """;

    /// <summary>[info-usdt-bitquery] re-shaped as a visible=true reply: contract and log addresses in base58.</summary>
    public const string UsdtSuccessInfoVisible = """
        {
          "id": "e122cba603b48ee234807f91859a04dbc4728f1b215d5c9c05385733bca674bc",
          "blockNumber": 78861100,
          "contractResult": ["0000000000000000000000000000000000000000000000000000000000000000"],
          "contract_address": "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t",
          "receipt": { "energy_usage_total": 64285, "energy_penalty_total": 49635, "net_usage": 345, "result": "SUCCESS" },
          "log": [
            {
              "address": "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t",
              "topics": [
                "ddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef",
                "000000000000000000000000db5f3f3a9798f3d1f89b2f12b6acda2fb3c91f80",
                "00000000000000000000000029228e5d382b7a2c2a0dbc05e6d6507f4dbb3bbe"
              ],
              "data": "0000000000000000000000000000000000000000000000000000000001cfe2eb"
            }
          ]
        }
        """;

    /// <summary>[tx-mainnet-usdt-bitquery] gettransactionbyid (visible=false) of a mainnet USDT transfer.</summary>
    public const string UsdtTransaction = """
        {
          "ret": [{ "contractRet": "SUCCESS" }],
          "signature": ["99560ec38b72b17cb7d409b3a7799ee2486f85d37d1d93c382264a4bc57864744f90d2053c6da8cbf8e15f88cb6cc7c12629272c0b834d1c0f3002710bc2fdeb01"],
          "txID": "e122cba603b48ee234807f91859a04dbc4728f1b215d5c9c05385733bca674bc",
          "raw_data": {
            "contract": [
              {
                "parameter": {
                  "value": {
                    "data": "a9059cbb00000000000000000000000029228e5d382b7a2c2a0dbc05e6d6507f4dbb3bbe0000000000000000000000000000000000000000000000000000000001cfe2eb",
                    "owner_address": "41db5f3f3a9798f3d1f89b2f12b6acda2fb3c91f80",
                    "contract_address": "41a614f803b6fd780986a42c78ec9c7f77e6ded13c"
                  },
                  "type_url": "type.googleapis.com/protocol.TriggerSmartContract"
                },
                "type": "TriggerSmartContract"
              }
            ],
            "ref_block_bytes": "5313",
            "ref_block_hash": "46a60be20a563ff1",
            "expiration": 1767246552000,
            "fee_limit": 100000000,
            "timestamp": 1767246195175
          },
          "raw_data_hex": "0a025313220846a60be20a563ff140c0b7e9c0b7335aae01081f12a9010a31747970652e676f6f676c65617069732e636f6d2f70726f746f636f6c2e54726967676572536d617274436f6e747261637412740a1541db5f3f3a9798f3d1f89b2f12b6acda2fb3c91f80121541a614f803b6fd780986a42c78ec9c7f77e6ded13c2244a9059cbb00000000000000000000000029228e5d382b7a2c2a0dbc05e6d6507f4dbb3bbe0000000000000000000000000000000000000000000000000000000001cfe2eb70e7d3d3c0b733900180c2d72f"
        }
        """;

    /// <summary>[tx-shasta-trx-tronpy] gettransactionbyid with visible=true: base58 addresses, a memo in raw_data.data.</summary>
    public const string TrxTransactionVisible = """
        {
          "visible": true,
          "txID": "17821228a79904c23bd35e566f320c2d43e6940c0d44bc8d70f257f3485459bb",
          "raw_data": {
            "contract": [
              {
                "parameter": {
                  "value": { "amount": 1000, "owner_address": "TQHAvs2ZFTbsd93ycTfw1Wuf1e4WsPZWCp", "to_address": "TEiMQZpHs4N4HuTKP3xcCKZ68XSQSfEbMW" },
                  "type_url": "type.googleapis.com/protocol.TransferContract"
                },
                "type": "TransferContract"
              }
            ],
            "ref_block_bytes": "6ecf",
            "ref_block_hash": "3c083e47cbea43ec",
            "expiration": 1591291179000,
            "data": "02c75f",
            "timestamp": 1591291122037
          },
          "raw_data_hex": "0a026ecf22083c083e47cbea43ec40f8dfe182a82e520302c75f5a66080112620a2d747970652e676f6f676c65617069732e636f6d2f70726f746f636f6c2e5472616e73666572436f6e747261637412310a15419cf784b4cc7531f1598c4c322de9afdc597fe760121541340967e825557559dc46bbf0eabe5ccf99fd134e18e80770f5a2de82a82e",
          "signature": ["c4cfe5c76bf89fe004ff59de1a33934a9419301e21fbe1f00ee5b5faf17189797a7292e872a693e7bff145e76c43ea6f26c425be70d0e0d0440331390d0d65a401"],
          "ret": [{ "contractRet": "SUCCESS" }]
        }
        """;

    /// <summary>[block-nile-66987565] getnowblock of a real Nile block (transactions left out).</summary>
    public const string NileNowBlock = """
        {
          "blockID": "0000000003fe262d52bfa4b2814f816fd2e57af5b98a33d60d8630a03a908e0e",
          "block_header": {
            "raw_data": {
              "number": 66987565,
              "txTrieRoot": "faf8fe3858339ead25cc892461c82a59b84dca4a51c45b026676bf3f45a352a2",
              "witness_address": "41b2f713d57dbcec679d93a8849fa0cd0e4db594ba",
              "parentHash": "0000000003fe262c85cd6b02033f4c3e5c1efa35de256a17bd906dc61fb1aeed",
              "version": 34,
              "timestamp": 1777445121000
            },
            "witness_signature": "5b3cf6cb15d52947989f7726f4907a144b39ccd667a1a0f98707b40cdfe65b96173ddf34ae8dcc5e78f136e0cf903a15c7128984aa2191f02333209d1879d3f900"
          }
        }
        """;

    /// <summary>getaccount, visible=true, of the account that sent [tx-mainnet-usdt-ledger-0130] (balance illustrative).</summary>
    public const string AccountVisible = """
        { "address": "TL24LCps5FKwp3PoU1MvrYrwhi5LU1tHre", "balance": 35000000, "create_time": 1717419846000, "account_resource": {} }
        """;

    /// <summary>triggerconstantcontract decimals() of USDT in java-tron's shape (energy value illustrative).</summary>
    public const string DecimalsSix = """
        {
          "result": { "result": true },
          "energy_used": 234,
          "constant_result": ["0000000000000000000000000000000000000000000000000000000000000006"],
          "transaction": { "ret": [{}], "visible": false }
        }
        """;

    /// <summary>broadcasthex of [build-walletcore-trx] when the node already has it, in java-tron's shape; the message is hex of "Dup transaction.".</summary>
    public const string BroadcastDuplicate = """
        { "result": false, "code": "DUP_TRANSACTION_ERROR", "txid": "dc6f6d9325ee44ab3c00528472be16e1572ab076aa161ccd12515029869d0451", "message": "447570207472616e73616374696f6e2e" }
        """;

    /// <summary>The node's "not found".</summary>
    public const string NotFound = "{}";
}
