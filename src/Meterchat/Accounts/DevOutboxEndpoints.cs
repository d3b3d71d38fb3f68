using Meterchat.Accounts.Mail;
using Meterchat.Data;
using Microsoft.EntityFrameworkCore;

namespace Meterchat.Accounts;

/// <summary>GET /api/dev/outbox?to=: the dev outbox as JSON, for scripts and tests. Mapped only where the outbox is on.</summary>
internal static class DevOutboxEndpoints
{
    public static IEndpointRouteBuilder MapDevOutboxApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/dev/outbox", async (string? to, AppDbContext db, CancellationToken cancellationToken) =>
            {
                var mails = db.Set<OutboxMail>().AsNoTracking();
                if (!string.IsNullOrEmpty(to))
                {
                    mails = mails.Where(m => m.To == to);
                }

                return TypedResults.Ok(await mails.OrderByDescending(m => m.Id).Take(100).ToListAsync(cancellationToken));
            })
            .AllowAnonymous()
            .WithTags("Dev")
            .WithSummary("Mails kept by the development outbox, newest first (development and tests only).");
        return app;
    }
}
