using Meterchat.Accounts;
using Meterchat.Data;

namespace Meterchat.Trust.Fraud;

/// <summary>Records a sighting at every successful sign-in (cookie or bearer).</summary>
internal sealed class SignInSightings(Sightings sightings) : ISignInObserver
{
    public Task SignedInAsync(AppUser user, HttpContext context) => sightings.RecordAsync(user.Id, context, context.RequestAborted);
}
