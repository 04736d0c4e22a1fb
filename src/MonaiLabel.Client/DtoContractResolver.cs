using System;
using System.Collections;
using System.ComponentModel;
using System.Runtime.Serialization;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace MonaiLabel.Client;

/// <summary>
/// Newtonsoft's default contracts, reached by a shorter way for the SDK's own plain classes (the generated DTOs,
/// request and result types) and <see cref="object"/>: before it makes an object contract, the default resolver asks
/// <see cref="TypeDescriptor"/> whether the type converts to a string, and TypeDescriptor's first use in a process
/// (and its per-type reflection) was a visible part of a fresh process's first call. For a class of ours with none
/// of the things that answer depends on, the answer is no, so its object contract is made directly; any other type,
/// and any class of ours that does have one of them, goes the default way. The contract itself is the same.
/// </summary>
internal sealed class DtoContractResolver : DefaultContractResolver
{
    /// <summary>One for the process: the resolver caches its contracts.</summary>
    public static readonly DtoContractResolver Instance = new();

    protected override JsonContract CreateContract(Type objectType) =>
        IsPlainObject(objectType) ? CreateObjectContract(objectType) : base.CreateContract(objectType);

    // The checks the default resolver makes before and after its string-conversion question, for what would send
    // the type elsewhere: containers and collections, converters, ISerializable, dynamic and convertible types.
    private static bool IsPlainObject(Type type)
    {
        if (type == typeof(object))
        {
            return true;
        }

        return type.IsClass && !type.IsAbstract && !type.IsGenericType &&
               type.Assembly == typeof(DtoContractResolver).Assembly &&
               !typeof(IEnumerable).IsAssignableFrom(type) &&
               !typeof(ISerializable).IsAssignableFrom(type) &&
               !typeof(IConvertible).IsAssignableFrom(type) &&
               !typeof(System.Dynamic.IDynamicMetaObjectProvider).IsAssignableFrom(type) &&
               !type.IsDefined(typeof(JsonContainerAttribute), inherit: true) &&
               !type.IsDefined(typeof(JsonConverterAttribute), inherit: true) &&
               !type.IsDefined(typeof(TypeConverterAttribute), inherit: true);
    }
}
