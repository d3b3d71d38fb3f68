using System.Buffers;

namespace Meterchat.Tron.Encoding;

/// <summary>
/// Writes protobuf fields the way protoc-generated code does for proto3: the caller writes
/// fields in field-number order, and zero values and empty bytes are omitted. The bytes
/// must match java-tron's exactly, because the txID is the SHA-256 of them.
/// </summary>
public sealed class ProtoWriter
{
    private readonly ArrayBufferWriter<byte> _buffer = new(256);

    public int Length => _buffer.WrittenCount;

    /// <summary>An int64/uint64/int32/enum/bool field; omitted when zero (negative int64 takes ten bytes, as in protobuf).</summary>
    public ProtoWriter WriteVarint(int field, long value)
    {
        if (value != 0)
        {
            WriteRawVarint(((ulong)field << 3) | 0);
            WriteRawVarint((ulong)value);
        }

        return this;
    }

    /// <summary>A bytes, string or embedded-message field; omitted when empty.</summary>
    public ProtoWriter WriteBytes(int field, ReadOnlySpan<byte> value)
    {
        if (!value.IsEmpty)
        {
            WriteRawVarint(((ulong)field << 3) | 2);
            WriteRawVarint((ulong)value.Length);
            _buffer.Write(value);
        }

        return this;
    }

    public ProtoWriter WriteString(int field, string value) => WriteBytes(field, System.Text.Encoding.UTF8.GetBytes(value));

    public ProtoWriter WriteMessage(int field, ProtoWriter message) => WriteBytes(field, message._buffer.WrittenSpan);

    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();

    private void WriteRawVarint(ulong value)
    {
        Span<byte> span = stackalloc byte[10];
        var i = 0;
        while (value >= 0x80)
        {
            span[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[i++] = (byte)value;
        _buffer.Write(span[..i]);
    }
}
