using Meterchat.Chats.Store;

namespace Meterchat.Chats;

public static class ChatsFeature
{
    public static IHostApplicationBuilder AddChats(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<MeterOptions>().BindConfiguration(MeterOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(sp => new Meter(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<MeterOptions>>().Value));
        builder.Services.AddSingleton<IMediaEvidence, ClientReportedEvidence>();
        builder.Services.AddSingleton<IChatSessions, ChatSessionStore>();
        return builder;
    }
}
