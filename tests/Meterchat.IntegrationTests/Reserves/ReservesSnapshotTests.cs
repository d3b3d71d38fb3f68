using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Meterchat.Accounts;
using Meterchat.Data;
using Meterchat.IntegrationTests.Accounts;
using Meterchat.IntegrationTests.Admin;
using Meterchat.Ledger;
using Meterchat.Reserves;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Meterchat.IntegrationTests.Reserves;

/// <summary>Snapshots against the ledger's own audit, on SQLite and PostgreSQL (MC_TEST_DB), and who may do what.</summary>
public sealed class ReservesSnapshotTests(ReservesApp app) : IClassFixture<ReservesApp>
{
    [Fact]
    public async Task A_snapshots_total_equals_the_audits_liabilities_and_every_users_proof_verifies()
    {
        var users = new List<(string Id, HttpClient Client, long Owed)>();
        var ledger = app.Services.GetRequiredService<ILedger>();
        for (var i = 0; i < 3; i++)
        {
            var (email, token) = await app.CreateVerifiedUserAsync("holder");
            var id = await UserIdAsync(email);
            var deposit = Micros.ParseUsdt($"{10 + i}.25");
            await ledger.TransferAsync(TransferRequest.Move($"deposit:reserves:{id}", TransferKind.Deposit, AccountRef.ChainDeposits, AccountRef.Wallet(id), deposit));
            users.Add((id, app.CreateClient(token), deposit.Value));
        }

        using var admin = await app.NewAdminAsync();
        var response = await admin.PostAsync(new Uri("/api/admin/reserves/snapshots", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var snapshot = (await response.Content.ReadFromJsonAsync<SnapshotView>(JsonSerializerOptions.Web))!;

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var audit = await scope.ServiceProvider.GetRequiredService<LedgerAuditor>().RunAsync();
            Assert.Equal(audit.Figures.Liabilities.Value, snapshot.Liabilities.Micros);
        }

        Assert.True(snapshot.Reserves.Micros >= app.Extra.Amount.Value);
        foreach (var (id, client, owed) in users)
        {
            var file = (await client.GetFromJsonAsync<LiabilityProofFile>("/api/reserves/proof", JsonSerializerOptions.Web))!;
            Assert.Equal(id, file.Proof.AccountId);
            Assert.Equal(owed, file.Proof.Balance);
            Assert.Equal(owed, file.Wallet);
            Assert.True(InclusionProofVerifier.Verify(file.Proof, snapshot.RootHash, snapshot.Liabilities.Micros).Passed);
            Assert.True(Tron.Crypto.TronMessage.TryRecoverSigner(file.Message, file.Signature, out var signer, out _));
            Assert.Equal(snapshot.HotWallet, signer.ToBase58());
            Assert.Contains($"root: {snapshot.RootHash}", file.Message, StringComparison.Ordinal);
            client.Dispose();
        }

        using var anonymous = app.CreateClient();
        var published = await anonymous.GetFromJsonAsync<SnapshotView[]>("/api/reserves", JsonSerializerOptions.Web);
        Assert.Contains(published!, s => s.Id == snapshot.Id && s.RootHash == snapshot.RootHash);
        Assert.Contains(snapshot.RootHash, await anonymous.GetStringAsync(new Uri("/reserves", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_admins_take_snapshots_and_only_signed_in_users_get_proofs()
    {
        var (_, token) = await app.CreateVerifiedUserAsync("buyer");
        using var buyer = app.CreateClient(token);
        using var anonymous = app.CreateClient();

        Assert.Equal(HttpStatusCode.Forbidden, (await buyer.PostAsync(new Uri("/api/admin/reserves/snapshots", UriKind.Relative), null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync(new Uri("/api/admin/reserves/snapshots", UriKind.Relative), null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri("/api/reserves/proof", UriKind.Relative))).StatusCode);
        var missing = await buyer.GetAsync(new Uri("/api/reserves/proof?snapshot=999999", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(ReservesProblems.NoSnapshot, await missing.ProblemTypeAsync());
    }

    [Fact]
    public async Task A_second_snapshot_while_one_runs_is_refused_with_409_and_publishes_nothing()
    {
        using var admin = await app.NewAdminAsync();
        using var anonymous = app.CreateClient();
        var before = (await anonymous.GetFromJsonAsync<SnapshotView[]>("/api/reserves", JsonSerializerOptions.Web))!.Length;
        app.Extra.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = admin.PostAsync(new Uri("/api/admin/reserves/snapshots", UriKind.Relative), null);
        await app.Extra.Entered.Task.WaitAsync(TimeSpan.FromMinutes(1));

        var second = await admin.PostAsync(new Uri("/api/admin/reserves/snapshots", UriKind.Relative), null);
        var during = (await anonymous.GetFromJsonAsync<SnapshotView[]>("/api/reserves", JsonSerializerOptions.Web))!.Length;
        app.Extra.Gate.SetResult();
        app.Extra.Gate = null;

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(ReservesProblems.SnapshotRunning, await second.ProblemTypeAsync());
        Assert.Equal(before, during);
        Assert.Equal(HttpStatusCode.Created, (await first).StatusCode);
    }

    [Fact]
    public async Task The_job_publishes_a_snapshot_once_an_interval_has_passed()
    {
        using var anonymous = app.CreateClient();
        var before = (await anonymous.GetFromJsonAsync<SnapshotView[]>("/api/reserves", JsonSerializerOptions.Web))!;
        var latest = before.Length == 0 ? (DateTimeOffset?)null : before[0].At;

        // The job counts the hour from the last snapshot (or its start): past it, one more snapshot appears.
        app.Time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        var deadline = DateTime.UtcNow.AddMinutes(1);
        SnapshotView[] after;
        do
        {
            await Task.Delay(50);
            after = (await anonymous.GetFromJsonAsync<SnapshotView[]>("/api/reserves", JsonSerializerOptions.Web))!;
        }
        while (after.Length == before.Length && DateTime.UtcNow < deadline);

        Assert.True(after.Length > before.Length, "no scheduled snapshot within a minute of real time");
        Assert.True(latest is null || after[0].At > latest);
    }

    private async Task<string> UserIdAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email))!.Id;
    }
}
