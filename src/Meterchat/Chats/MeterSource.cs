using Microsoft.Extensions.Options;

namespace Meterchat.Chats;

/// <summary>
/// The meter for sessions created now. When the operator changes <see cref="MeterOptions"/> (admin settings), the
/// next session gets a meter with the new numbers while a running session keeps the meter it was created with
/// (<see cref="ChatSession.Meter"/>, built from the numbers frozen into its terms), also when it is rebuilt after a restart.
/// </summary>
public sealed class MeterSource(IOptionsMonitor<MeterOptions> options)
{
    private Meter? _meter;

    public Meter Current
    {
        get
        {
            var o = options.CurrentValue;
            var m = _meter;
            if (m is null || !ReferenceEquals(m.Options, o))
            {
                m = new Meter(o);
                _meter = m;
            }

            return m;
        }
    }
}
