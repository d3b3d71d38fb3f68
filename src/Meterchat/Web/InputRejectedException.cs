namespace Meterchat.Web;

/// <summary>Input that must not be stored (see <see cref="TextInput"/>); answered as a 400 problem, never a 500.</summary>
public sealed class InputRejectedException(string detail) : Exception(detail);
