using System.Globalization;
using System.Reflection;
using Meterchat.Ledger;
using Microsoft.Extensions.Options;

namespace Meterchat.Admin.Settings;

/// <summary>
/// A setting the operator may change: its configuration key, its unit, when a change takes effect, and the options
/// class that owns it (whose registered validators judge every change).
/// </summary>
public sealed class SettingDefinition
{
    private readonly Func<IServiceProvider, IConfiguration, IEnumerable<string>> _validate;

    private SettingDefinition(string section, string property, Type optionsType, string label, SettingUnit unit, string takesEffect,
        Func<IServiceProvider, IConfiguration, IEnumerable<string>> validate)
    {
        Section = section;
        Property = property;
        OptionsType = optionsType;
        Label = label;
        Unit = unit;
        TakesEffect = takesEffect;
        _validate = validate;
    }

    public string Key => $"{Section}:{Property}";

    public string Section { get; }

    public string Property { get; }

    public Type OptionsType { get; }

    public string Label { get; }

    public SettingUnit Unit { get; }

    public string TakesEffect { get; }

    public string UnitName => Unit switch
    {
        SettingUnit.Usdt or SettingUnit.UsdtAsMicros => "USDT",
        SettingUnit.BasisPoints => "bp",
        SettingUnit.Seconds or SettingUnit.SecondsAsTimeSpan => "seconds",
        SettingUnit.TokensPerMinute => "tokens/min",
        _ => "",
    };

    public static SettingDefinition For<T>(string section, string property, string label, SettingUnit unit, string takesEffect)
        where T : class, new() =>
        typeof(T).GetProperty(property, BindingFlags.Public | BindingFlags.Instance) is null
            ? throw new ArgumentException($"{typeof(T).Name} has no property {property}.", nameof(property))
            : new(section, property, typeof(T), label, unit, takesEffect, (sp, config) => Validate<T>(sp, config, section));

    /// <summary>The value of the options class when nothing configures it.</summary>
    public string CodeDefault()
    {
        var value = OptionsType.GetProperty(Property)!.GetValue(Activator.CreateInstance(OptionsType));
        return value switch
        {
            TimeSpan t => t.ToString("c", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value?.ToString() ?? "",
        };
    }

    /// <summary>A stored (configuration) value as the operator reads and types it.</summary>
    public string Display(string? stored)
    {
        if (string.IsNullOrWhiteSpace(stored))
        {
            return "";
        }

        return Unit switch
        {
            SettingUnit.Usdt when Micros.TryParseUsdt(stored, out var m, out _) => m.ToUsdtString(),
            SettingUnit.UsdtAsMicros when long.TryParse(stored, CultureInfo.InvariantCulture, out var micros) => new Micros(micros).ToUsdtString(),
            SettingUnit.SecondsAsTimeSpan when TimeSpan.TryParse(stored, CultureInfo.InvariantCulture, out var t) =>
                ((long)t.TotalSeconds).ToString(CultureInfo.InvariantCulture),
            _ => stored,
        };
    }

    /// <summary>What the operator typed, in the configuration's format; or why it is not a value of this unit.</summary>
    public bool TryStore(string input, out string stored, out string? error)
    {
        stored = "";
        error = null;
        var text = input.Trim();
        switch (Unit)
        {
            case SettingUnit.Usdt or SettingUnit.UsdtAsMicros:
                if (!Micros.TryParseUsdt(text, out var amount, out var why) || amount.IsNegative)
                {
                    error = $"{Label}: '{text}' is not a USDT amount ({why ?? "negative"}).";
                    return false;
                }

                stored = Unit == SettingUnit.Usdt ? amount.ToUsdtString() : amount.Value.ToString(CultureInfo.InvariantCulture);
                return true;
            default:
                if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
                {
                    error = $"{Label}: '{text}' is not a whole number.";
                    return false;
                }

                // Durations, counts, rates and basis points are never negative (a -1 s cooldown would skip it).
                if (n < 0)
                {
                    error = $"{Label}: '{text}' is negative.";
                    return false;
                }

                stored = Unit == SettingUnit.SecondsAsTimeSpan
                    ? TimeSpan.FromSeconds(n).ToString("c", CultureInfo.InvariantCulture)
                    : n.ToString(CultureInfo.InvariantCulture);
                return true;
        }
    }

    /// <summary>Runs the options class's own registered validators over <paramref name="candidate"/> configuration.</summary>
    public IEnumerable<string> Validate(IServiceProvider services, IConfiguration candidate) => _validate(services, candidate);

    private static List<string> Validate<T>(IServiceProvider services, IConfiguration candidate, string section)
        where T : class, new()
    {
        var options = new T();
        try
        {
            candidate.GetSection(section).Bind(options);
        }
        catch (InvalidOperationException e)
        {
            return [e.Message];
        }

        return services.GetServices<IValidateOptions<T>>()
            .Select(v => v.Validate(Options.DefaultName, options))
            .Where(r => r.Failed)
            .SelectMany(r => r.Failures ?? [r.FailureMessage ?? "invalid"])
            .Distinct()
            .ToList();
    }
}
