using System.Buffers;
using System.Text;

namespace Precis.Ingest;

/// <summary>The outcome of decoding one input's bytes: the text, or why there is none, plus an optional note.</summary>
/// <param name="Text">The decoded text (BOM removed), or null when the input is skipped.</param>
/// <param name="Skip">Why the input is skipped, when <paramref name="Text"/> is null.</param>
/// <param name="Repair">A repair made while decoding ("invalid UTF-8 at byte 12 ..."), reported as one diagnostic.</param>
/// <param name="Note">Something worth telling that is not a repair (e.g. "decoded as UTF-16LE").</param>
internal readonly record struct DecodedInput(string? Text, string? Skip, string? Repair = null, string? Note = null);

/// <summary>
/// Turns an input's bytes into text. Handles byte order marks (UTF-8 stripped; UTF-16/32 decoded), rejects binary data
/// and repairs invalid UTF-8.
/// </summary>
internal static class InputDecoder
{
    // Binary detection follows git's buffer_is_binary (a NUL byte in the first 8000 bytes) and Perl's -B file test
    // (more than 30% "odd" bytes, here C0 control characters other than tab, LF, VT, FF, CR and ESC).
    private const int SniffLength = 8000;
    private const double MaxControlRatio = 0.30;

    // PRECIS: invalid UTF-8 is repaired (each invalid sequence becomes U+FFFD) and reported with the offset of the
    // first bad byte. When more than a third of the bytes are invalid the input is not UTF-8 text at all (a legacy
    // code page or binary data), and replacement characters would drown the words: such input is skipped instead.
    private const double MaxInvalidRatio = 1.0 / 3.0;

    public static DecodedInput Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty) return new(null, "empty file");

        // Byte order marks. UTF-32 before UTF-16: FF FE 00 00 starts with the UTF-16LE mark.
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00])) return DecodeWide(bytes[4..], new UTF32Encoding(false, false, true), "UTF-32LE");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF])) return DecodeWide(bytes[4..], new UTF32Encoding(true, false, true), "UTF-32BE");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return DecodeWide(bytes[2..], new UnicodeEncoding(false, false, true), "UTF-16LE");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return DecodeWide(bytes[2..], new UnicodeEncoding(true, false, true), "UTF-16BE");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) bytes = bytes[3..];

        if (LooksBinary(bytes)) return new(null, "binary file (NUL bytes or control characters)");

        var (firstInvalid, invalidBytes) = ScanUtf8(bytes);
        string text = Encoding.UTF8.GetString(bytes); // replaces each invalid sequence with U+FFFD
        if (string.IsNullOrWhiteSpace(text)) return new(null, "empty file");
        if (firstInvalid < 0) return new(text, null);
        if (invalidBytes > bytes.Length * MaxInvalidRatio)
        {
            return new(null, $"not UTF-8 text ({invalidBytes} of {bytes.Length} bytes invalid, first at byte {firstInvalid})");
        }
        return new(text, null, $"invalid UTF-8 at byte {firstInvalid} ({invalidBytes} invalid byte{(invalidBytes == 1 ? "" : "s")} replaced with U+FFFD)");
    }

    /// <summary>Checks already-decoded text (standard input): empty, binary-looking, stray BOM.</summary>
    public static DecodedInput Check(string text)
    {
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        if (string.IsNullOrWhiteSpace(text)) return new(null, "empty input");
        int sample = Math.Min(text.Length, SniffLength), odd = 0;
        for (int i = 0; i < sample; i++)
        {
            char c = text[i];
            if (c == '\0') return new(null, "binary input (NUL characters)");
            if (IsOddControl(c)) odd++;
        }
        if (odd > sample * MaxControlRatio) return new(null, "binary input (control characters)");
        int replaced = text.AsSpan().Count('\uFFFD');
        return replaced > 0
            ? new(text, null, $"invalid UTF-8 ({replaced} replacement character{(replaced == 1 ? "" : "s")} in the input)")
            : new(text, null);
    }

    private static DecodedInput DecodeWide(ReadOnlySpan<byte> bytes, Encoding encoding, string name)
    {
        string text;
        try
        {
            text = encoding.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            // Odd byte counts or unpaired surrogates: decode leniently and say so.
            var lenient = (Encoding)encoding.Clone();
            lenient.DecoderFallback = DecoderFallback.ReplacementFallback;
            text = lenient.GetString(bytes);
            var at = e.Index >= 0 ? $" near byte {e.Index}" : "";
            return string.IsNullOrWhiteSpace(text) ? new(null, "empty file") : new(text, null, $"invalid {name}{at}; replaced with U+FFFD", $"decoded as {name} (byte order mark)");
        }
        if (string.IsNullOrWhiteSpace(text)) return new(null, "empty file");
        if (text.Contains('\0', StringComparison.Ordinal)) return new(null, "binary file (NUL characters)");
        return new(text, null, null, $"decoded as {name} (byte order mark)");
    }

    private static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..Math.Min(bytes.Length, SniffLength)];
        if (sample.Contains((byte)0)) return true;
        int odd = 0;
        foreach (byte b in sample)
        {
            if (b < 0x80 && IsOddControl((char)b)) odd++;
        }
        return odd > sample.Length * MaxControlRatio;
    }

    private static bool IsOddControl(char c) => c < 0x20 && c is not ('\t' or '\n' or '\v' or '\f' or '\r' or '\x1B') || c == '\x7F';

    /// <summary>The offset of the first invalid UTF-8 byte (-1 if none) and the number of invalid bytes.</summary>
    internal static (long First, long Count) ScanUtf8(ReadOnlySpan<byte> bytes)
    {
        if (System.Text.Unicode.Utf8.IsValid(bytes)) return (-1, 0);
        long first = -1, count = 0;
        int offset = 0;
        while (offset < bytes.Length)
        {
            var status = System.Text.Rune.DecodeFromUtf8(bytes[offset..], out _, out int consumed);
            if (status != OperationStatus.Done)
            {
                if (first < 0) first = offset;
                count += consumed;
            }
            offset += Math.Max(consumed, 1);
        }
        return (first, count);
    }
}
