using Meterchat.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Meterchat.Admin.Settings;

/// <summary>
/// Loads the overrides before the other services start, and re-reads them every <see cref="AdminOptions.SettingsPollSeconds"/>
/// so a change made on another node arrives here too.
/// </summary>
public sealed class PlatformSettingsRefresher(
    IServiceScopeFactory scopes,
    PlatformSettingsConfiguration configuration,
    IOptions<AdminOptions> options,
    TimeProvider time,
    ILogger<PlatformSettingsRefresher> logger) : BackgroundService, IHostedLifecycleService
{
    public async Task RefreshAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var rows = await db.Set<PlatformSetting>().AsNoTracking().ToListAsync(ct);
        configuration.Apply(rows.ToDictionary(r => r.Key, r => r.Value, StringComparer.OrdinalIgnoreCase));
    }

    public Task StartingAsync(CancellationToken cancellationToken) => RefreshAsync(cancellationToken);

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(options.Value.SettingsPollSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, time, stoppingToken);
                await RefreshAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Reading the platform settings failed; keeping the ones loaded before");
            }
        }
    }
}
