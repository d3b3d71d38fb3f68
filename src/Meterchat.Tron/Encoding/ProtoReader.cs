namespace Meterchat.Tron.Encoding;

/// <summary>
/// Reads protobuf fields one by one. Malformed input (truncated, over-long varint, unknown
/// wire type) throws <see cref="FormatException"/> saying where.
/// </summary>
public ref struct ProtoReader
{
    public const int WireVarint = 0;
    public const int WireFixed64 = 1;
    public const int WireLengthDelimited = 2;
    public const int WireFixed32 = 5;

    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    public ProtoReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _position = 0;
        Field = 0;
        WireType = 0;
    }

    public int Field { get; private set; }

    public int WireType { get; private set; }

    /// <summary>Moves to the next field; false at the end of the message.</summary>
    public bool Next()
    {
        if (_position >= _data.Length)
        {
            return false;
        }

        var key = ReadRawVarint();
        Field = checked((int)(key >> 3));
        WireType = (int)(key & 7);
        if (Field == 0)
        {
            throw new FormatException($"Protobuf: field number 0 at byte {_position}.");
        }

        return true;
    }

    public ulong ReadVarint()
    {
        Expect(WireVarint);
        return ReadRawVarint();
    }

    public long ReadInt64() => (long)ReadVarint();

    public ReadOnlySpan<byte> ReadBytes()
    {
        Expect(WireLengthDelimited);
        var length = ReadRawVarint();
        if (length > (ulong)(_data.Length - _position))
        {
            throw new FormatException($"Protobuf: field {Field} claims {length} bytes but only {_data.Length - _position} remain.");
        }

        var value = _data.Slice(_position, (int)length);
        _position += (int)length;
        return value;
    }

    public string ReadString() => System.Text.Encoding.UTF8.GetString(ReadBytes());

    public void Skip()
    {
        switch (WireType)
        {
            case WireVarint: ReadRawVarint(); break;
            case WireLengthDelimited: ReadBytes(); break;
            case WireFixed64: Advance(8); break;
            case WireFixed32: Advance(4); break;
            default: throw new FormatException($"Protobuf: unsupported wire type {WireType} for field {Field}.");
        }
    }

    private void Advance(int count)
    {
        if (count > _data.Length - _position)
        {
            throw new FormatException($"Protobuf: field {Field} is truncated.");
        }

        _position += count;
    }

    private readonly void Expect(int wireType)
    {
        if (WireType != wireType)
        {
            throw new FormatException($"Protobuf: field {Field} has wire type {WireType}, expected {wireType}.");
        }
    }

    private ulong ReadRawVarint()
    {
        ulong value = 0;
        for (var shift = 0; shift < 70; shift += 7)
        {
            if (_position >= _data.Length)
            {
                throw new FormatException("Protobuf: truncated varint.");
            }

            var b = _data[_position++];
            value |= (ulong)(b & 0x7f) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }

        throw new FormatException("Protobuf: varint longer than 10 bytes.");
    }
}
