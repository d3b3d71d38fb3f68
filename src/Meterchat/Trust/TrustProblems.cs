using Meterchat.Web;

namespace Meterchat.Trust;

/// <summary>Problems shared by the trust use cases (disputes, ratings, tips); their own types (<c>dispute/window-closed</c>, …) are built where they are refused.</summary>
public static class TrustProblems
{
    /// <summary>A session of someone else's is indistinguishable from a missing one.</summary>
    public static Problem ChatNotFound { get; } = new(404, "chat/not-found", "No such chat", "There is no chat with this id among yours.");
}
