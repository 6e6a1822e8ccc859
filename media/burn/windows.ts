/**
 * Windows: IMAPI2 (the Image Mastering API that ships with Windows) driven from Windows PowerShell 5.1,
 * started as `powershell.exe -NoProfile -NonInteractive -Sta -EncodedCommand <base64 UTF-16LE>` (no shell,
 * no script file; values are embedded as single-quoted PowerShell literals). Each script prints lines
 * `QBANK-<WORD> …` that Node parses.
 *
 * - List: `IMAPI2.MsftDiscMaster2` enumerates recorder unique ids; each `IMAPI2.MsftDiscRecorder2` gives
 *   vendor, product and drive letters; `IMAPI2.MsftDiscFormat2Data` says whether writable media is in
 *   (`IsCurrentMediaSupported`) and whether it is blank (`MediaHeuristicallyBlank`).
 * - Burn: the .iso is opened as an IStream with `SHCreateStreamOnFileEx` (shlwapi, through Add-Type;
 *   read-only, deny-write sharing, nothing loaded into memory) and handed to `MsftDiscFormat2Data.Write`
 *   with `ForceMediaToBeClosed` (the disc is finalised). Only blank media is accepted, so the image
 *   starts at block 0.
 * - Read-back: the raw volume `\\.\D:` of the recorder's drive letter is opened with CreateFileW
 *   (.NET Framework's FileStream refuses `\\.\` paths by name) and its first <image size> bytes are
 *   hashed with SHA-256 in sector-sized (2048-byte multiple) reads; the script prints the hash and Node
 *   compares. Opening is retried for a minute while Windows remounts the finalised disc.
 * None of this can run on the Linux build machine: the tests check the command lines and the script text.
 */

export const POWERSHELL = 'powershell.exe';

/** A PowerShell single-quoted literal; PowerShell also closes such a literal on the typographic quotes ‘ ’ ‚ ‛. */
export function psQuote(value: string): string {
  return `'${value.replace(/['\u2018\u2019\u201A\u201B]/g, '$&$&')}'`;
}

/** The argument list that runs `script` (Windows limits a command line to 32 767 characters). */
export function powershellArgs(script: string): string[] {
  const encoded = Buffer.from(script, 'utf16le').toString('base64');
  if (encoded.length > 30_000) throw new Error(`PowerShell script too long (${encoded.length} characters encoded)`);
  return ['-NoProfile', '-NonInteractive', '-Sta', '-ExecutionPolicy', 'Bypass', '-EncodedCommand', encoded];
}

/** The script text of `powershellArgs` (tests read it back). */
export function decodeEncodedCommand(args: readonly string[]): string {
  const i = args.indexOf('-EncodedCommand');
  return Buffer.from(args[i + 1] ?? '', 'base64').toString('utf16le');
}

const PRELUDE = String.raw`$ErrorActionPreference = 'Stop'
try { [Console]::OutputEncoding = [System.Text.Encoding]::UTF8 } catch { }
function Say([string]$s) { [Console]::Out.WriteLine($s) }`;

const OPEN_READ = String.raw`  [DllImport("shlwapi.dll", CharSet = CharSet.Unicode, PreserveSig = false)]
  private static extern void SHCreateStreamOnFileEx(string file, uint mode, uint attributes, bool create, IStream template, out IStream stream);
  public static IStream OpenRead(string path) {
    IStream stream;
    SHCreateStreamOnFileEx(path, 0x20u, 0x80u, false, null, out stream); // STGM_READ | STGM_SHARE_DENY_WRITE
    return stream;
  }`;

const SHA256_OF_PREFIX = String.raw`  [DllImport("kernel32.dll", CharSet = CharSet.Unicode, SetLastError = true)]
  private static extern SafeFileHandle CreateFileW(string name, uint access, uint share, IntPtr security, uint disposition, uint flags, IntPtr template);
  public static string Sha256OfPrefix(string device, long length) {
    using (SafeFileHandle h = CreateFileW(device, 0x80000000u, 3u, IntPtr.Zero, 3u, 0u, IntPtr.Zero)) {
      if (h.IsInvalid) throw new System.ComponentModel.Win32Exception(Marshal.GetLastWin32Error());
      using (FileStream fs = new FileStream(h, FileAccess.Read, 1))
      using (SHA256 sha = SHA256.Create()) {
        byte[] buf = new byte[1048576];
        long done = 0;
        while (done < length) {
          long left = length - done;
          int want = (int)Math.Min((long)buf.Length, ((left + 2047) / 2048) * 2048);
          int got = fs.Read(buf, 0, want);
          if (got <= 0) break;
          int use = (int)Math.Min((long)got, left);
          sha.TransformBlock(buf, 0, use, null, 0);
          done += use;
        }
        sha.TransformFinalBlock(new byte[0], 0, 0);
        return BitConverter.ToString(sha.Hash).Replace("-", "").ToLowerInvariant() + " " + done;
      }
    }
  }`;

/**
 * C# helpers compiled by Add-Type: the .iso as an IStream (GENERIC_READ with deny-write sharing), and
 * the SHA-256 of the first bytes of a raw volume (GENERIC_READ, share read|write, OPEN_EXISTING). The
 * here-string's closing `'@` must begin a line.
 */
const helpers = (members: string) => String.raw`Add-Type -TypeDefinition @'
using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Runtime.InteropServices.ComTypes;
using System.Security.Cryptography;
using Microsoft.Win32.SafeHandles;
public static class QbankDisc {
${members}
}
'@`;

const RECORDER = (uid: string) => String.raw`  $rec = New-Object -ComObject IMAPI2.MsftDiscRecorder2
  $rec.InitializeDiscRecorder(${psQuote(uid)})`;

const wrap = (body: string) => `${PRELUDE}
try {
${body}
} catch {
  Say ('QBANK-ERROR ' + $_.Exception.Message)
  exit 1
}
`;

/** Lists the recorders: `QBANK-DRIVE<TAB>unique id<TAB>vendor<TAB>product<TAB>D:\;E:\<TAB>media 0/1<TAB>blank 0/1`. */
export function listDrivesScript(): string {
  return wrap(String.raw`  $master = New-Object -ComObject IMAPI2.MsftDiscMaster2
  if (-not $master.IsSupportedEnvironment) { Say 'QBANK-NOSUPPORT'; exit 0 }
  for ($i = 0; $i -lt $master.Count; $i++) {
    $uid = $master.Item($i)
    $rec = New-Object -ComObject IMAPI2.MsftDiscRecorder2
    $rec.InitializeDiscRecorder($uid)
    $fmt = New-Object -ComObject IMAPI2.MsftDiscFormat2Data
    $media = 0; $blank = 0
    if ($fmt.IsRecorderSupported($rec) -and $fmt.IsCurrentMediaSupported($rec)) {
      $media = 1
      $fmt.Recorder = $rec
      if ($fmt.MediaHeuristicallyBlank) { $blank = 1 }
    }
    $vols = @($rec.VolumePathNames) -join ';'
    Say ((@('QBANK-DRIVE', $uid, "$($rec.VendorId)".Trim(), "$($rec.ProductId)".Trim(), $vols, $media, $blank)) -join [char]9)
  }`);
}

/** Writes the .iso onto the blank disc of the recorder `uid` and closes the disc. */
export function burnScript(uid: string, iso: string): string {
  return wrap(`${helpers(OPEN_READ)}
${RECORDER(uid)}
${String.raw`  $fmt = New-Object -ComObject IMAPI2.MsftDiscFormat2Data
  if (-not $fmt.IsRecorderSupported($rec)) { Say 'QBANK-UNSUPPORTED'; exit 2 }
  if (-not $fmt.IsCurrentMediaSupported($rec)) { Say 'QBANK-NOMEDIA'; exit 3 }
  $fmt.Recorder = $rec
  $fmt.ClientName = 'qbank'
  if (-not $fmt.MediaHeuristicallyBlank) { Say 'QBANK-NOTBLANK'; exit 4 }
  $fmt.ForceMediaToBeClosed = $true`}
  $stream = [QbankDisc]::OpenRead(${psQuote(iso)})
  Say 'QBANK-WRITING'
  try { $fmt.Write($stream) } finally { [void][System.Runtime.InteropServices.Marshal]::ReleaseComObject($stream) }
  Say 'QBANK-WRITTEN'`);
}

/** Hashes the first `bytes` bytes of the disc in recorder `uid`, read from its raw volume: `QBANK-SHA256 <hex> <bytes read>`. */
export function readBackScript(uid: string, bytes: number): string {
  return wrap(`${helpers(SHA256_OF_PREFIX)}
${RECORDER(uid)}
${String.raw`  $vols = @($rec.VolumePathNames)
  if ($vols.Count -eq 0) { Say 'QBANK-NOVOLUME'; exit 5 }
  $dev = '\\.\' + $vols[0].TrimEnd('\')
  Say ('QBANK-READING ' + $dev)
  $result = $null; $last = ''
  for ($try = 0; $try -lt 30 -and $null -eq $result; $try++) {
    try { $result = [QbankDisc]::Sha256OfPrefix($dev, ${bytes}) } catch { $last = $_.Exception.Message; Start-Sleep -Seconds 2 }
  }
  if ($null -eq $result) { Say ('QBANK-ERROR ' + $dev + ': ' + $last); exit 1 }
  Say ('QBANK-SHA256 ' + $result)`}`);
}

export function ejectScript(uid: string): string {
  return wrap(`${RECORDER(uid)}
  $rec.EjectMedia()`);
}

export interface WindowsDriveLine {
  readonly uid: string;
  readonly vendor: string;
  readonly product: string;
  readonly volumes: string[];
  readonly media: boolean;
  readonly blank: boolean;
}

export function parseDriveLines(stdout: string): WindowsDriveLine[] {
  const out: WindowsDriveLine[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    const f = line.split('\t');
    if (f[0] !== 'QBANK-DRIVE' || f.length < 7) continue;
    out.push({
      uid: f[1] ?? '',
      vendor: f[2] ?? '',
      product: f[3] ?? '',
      volumes: (f[4] ?? '').split(';').filter((v) => v !== ''),
      media: f[5] === '1',
      blank: f[6] === '1',
    });
  }
  return out;
}

/** The status word a script printed (`WRITTEN`, `NOTBLANK` …) and the rest of its line; the last one counts. */
export function lastStatus(stdout: string): { word: string; rest: string } | undefined {
  let found: { word: string; rest: string } | undefined;
  for (const line of stdout.split(/\r?\n/)) {
    const m = /^QBANK-([A-Z0-9]+)(?:\s+(.*))?$/.exec(line.trim());
    if (m && m[1] !== 'READING' && m[1] !== 'WRITING') found = { word: m[1] ?? '', rest: (m[2] ?? '').trim() };
  }
  return found;
}
