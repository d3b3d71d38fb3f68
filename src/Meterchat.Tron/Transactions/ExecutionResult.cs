namespace Meterchat.Tron.Transactions;

/// <summary>
/// Whether a transaction's execution succeeded, from <c>gettransactioninfobyid</c>: receipt.result must be
/// "SUCCESS" and the top-level result must not be "FAILED" (absent means success: java-tron omits the
/// default value). Never read contractResult: USDT's transfer() returns false even when it succeeded.
/// </summary>
public static class ExecutionResult
{
    public static bool Succeeded(string? receiptResult, string? topLevelResult) =>
        receiptResult == "SUCCESS" && topLevelResult != "FAILED";
}
