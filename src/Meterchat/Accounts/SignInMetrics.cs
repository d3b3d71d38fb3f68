using Meterchat.Data;
using Meterchat.Observability;

namespace Meterchat.Accounts;

/// <summary>Counts successful sign-ins as a sign-in observer (Accounts calls every observer).</summary>
internal sealed class SignInMetrics(MeterchatMetrics metrics) : ISignInObserver
{
    public Task SignedInAsync(AppUser user, HttpContext context)
    {
        metrics.SignedIn();
        return Task.CompletedTask;
    }
}
