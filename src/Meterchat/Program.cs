using Meterchat.Accounts;
using Meterchat.Admin;
using Meterchat.Chain;
using Meterchat.Chats;
using Meterchat.Cluster;
using Meterchat.Data;
using Meterchat.Deposits;
using Meterchat.Ethereum;
using Meterchat.Hosting;
using Meterchat.Hosting.Health;
using Meterchat.Ledger;
using Meterchat.Observability;
using Meterchat.Reserves;
using Meterchat.Sellers;
using Meterchat.Trust.Fraud;
using Meterchat.Trust;
using Meterchat.Web;
using Meterchat.Withdrawals;

// Operator verbs (audit, tron, devchain) run without starting the web host.
if (CommandLine.Handles(args))
{
    return await CommandLine.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
try
{
    builder.AddProductionChecks();
}
catch (ProductionConfigurationException refusal) when (ProductionFeature.IsOwnProcess)
{
    // The list is the whole message: an operator needs no stack trace (a test host still gets the exception).
    await Console.Error.WriteLineAsync(refusal.Message);
    return 1;
}

builder.AddData();
builder.AddCluster();
builder.AddWeb();
builder.AddAccounts();
builder.Services.AddLedger();
builder.AddChain();
builder.AddChats();
builder.AddWithdrawals();
builder.AddDeposits();
builder.AddEthereum();
builder.AddReserves();
builder.AddSellers();
builder.AddAdmin();
builder.AddFraud();
builder.AddTrust();
builder.AddObservability();
builder.AddHealth();

var app = builder.Build();
await app.MigrateDatabaseAsync();
app.UseWeb();
app.MapWeb();
app.MapAccounts();
app.MapLedger();
app.MapChain();
app.MapWithdrawals();
app.MapDeposits();
app.MapReserves();
app.MapChats();
app.MapSellers();
app.MapAdmin();
app.MapFraud();
app.MapTrust();
app.MapObservability();
app.MapHealth();
await app.RunAsync();
return 0;
