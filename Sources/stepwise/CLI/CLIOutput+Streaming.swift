import Foundation
import StepwiseCore

#if canImport(Glibc)
    import Glibc
#endif

extension Commands {
    /// Writes a text document as `produce` makes it, piece by piece, to the `--output` file
    /// (0600, atomically and durably: a temp file beside it, renamed when whole) or to
    /// standard output, each piece made safe (`CLIOutput.Format.text`): a large document is
    /// never held whole. Returns nil after saying why it could not be written; a file is then
    /// left as it was.
    func emitStreaming(_ format: CLIOutput.Format, _ produce: ((String) throws -> Void) throws -> Void) -> Destination? {
        let output = options.values["--output"]
        do {
            var info = stat()
            if let output, !(stat(output, &info) == 0 && (info.st_mode & S_IFMT == S_IFCHR || info.st_mode & S_IFMT == S_IFIFO)) {
                try AtomicFile.Staged(for: URL(fileURLWithPath: output)) { write in
                    try withoutActuallyEscaping(write) { write in try produce { try write(Data(format.safe($0).utf8)) } }
                }.commit()
                return .file(output)
            }
            // A device or a pipe (/dev/null, a FIFO) is written to, never replaced.
            guard let handle = output.map(FileHandle.init(forWritingAtPath:)) ?? FileHandle.standardOutput else {
                throw AtomicFile.WriteError(path: output ?? text("standardOutput"), reason: text("cannotOpen"))
            }
            try produce { try handle.write(contentsOf: Data(format.safe($0).utf8)) }
            if let output {
                try handle.close()
                return .file(output)
            }
            return .standardOutput
        } catch {
            printError(couldNotWrite(output ?? text("standardOutput"), error))
            return nil
        }
    }
}
