using Meterchat.Data;

namespace Meterchat.Accounts;

/// <summary>Told of every successful sign-in (cookie or bearer), e.g. to record where the user signed in from.</summary>
public interface ISignInObserver
{
    Task SignedInAsync(AppUser user, HttpContext context);
}
