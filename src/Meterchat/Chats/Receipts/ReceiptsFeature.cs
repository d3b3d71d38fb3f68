namespace Meterchat.Chats.Receipts;

public static class ReceiptsFeature
{
    public static IHostApplicationBuilder AddReceipts(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ReceiptOptions>().BindConfiguration(ReceiptOptions.Section);
        builder.Services.AddSingleton(ReceiptKey.Create);
        builder.Services.AddSingleton<SignedReceipts>();
        return builder;
    }
}
