using System.Runtime.InteropServices;
using System.Text;

namespace Precis.Ingest;

/// <summary>
/// What a path is once symbolic links are followed: only regular files are read. A FIFO would block the reader
/// forever and a device such as /dev/zero never ends, so both are skipped with a line before anything is opened.
/// </summary>
internal static partial class FileKind
{
    public enum Kind { Regular, Directory, Fifo, Device, Socket, Other, Missing }

    /// <summary>The kind of <paramref name="path"/> (following links); on Windows every existing file is regular.</summary>
    public static Kind Of(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS() && !OperatingSystem.IsFreeBSD())
        {
            return Directory.Exists(path) ? Kind.Directory : File.Exists(path) ? Kind.Regular : Kind.Missing;
        }
        int mode;
        try
        {
            mode = Mode(path);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return File.Exists(path) ? Kind.Regular : Directory.Exists(path) ? Kind.Directory : Kind.Missing;
        }
        if (mode < 0) return Kind.Missing;
        return (mode & 0xF000) switch
        {
            0x8000 => Kind.Regular,
            0x4000 => Kind.Directory,
            0x1000 => Kind.Fifo,
            0x2000 or 0x6000 => Kind.Device,
            0xC000 => Kind.Socket,
            _ => Kind.Other,
        };
    }

    public static string Describe(Kind kind) => kind switch
    {
        Kind.Fifo => "a FIFO (named pipe)",
        Kind.Device => "a device",
        Kind.Socket => "a socket",
        Kind.Directory => "a folder",
        Kind.Missing => "missing (a broken link?)",
        _ => "not a regular file",
    };

    // The runtime's own portable stat (System.Native ships with every .NET runtime on Unix and is what FileInfo
    // uses): its FileStatus begins with two 32-bit fields, flags then st_mode. The buffer is larger than the struct.
    private static unsafe int Mode(string path)
    {
        var bytes = Encoding.UTF8.GetBytes(path + "\0");
        byte* status = stackalloc byte[512];
        fixed (byte* p = bytes)
        {
            if (Stat(p, status) != 0) return -1;
        }
        return *(int*)(status + 4);
    }

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_Stat")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static unsafe partial int Stat(byte* path, byte* status);
}
