namespace System.Runtime.CompilerServices;

/// <summary>Lets the shared tests' records (init accessors) compile for net472, whose BCL lacks this marker type.</summary>
internal static class IsExternalInit
{
}
