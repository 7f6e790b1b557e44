import Foundation
import StepwiseCore

/// Everything the command line prints goes through here, so that text from records and files
/// never drives the terminal: lines and messages show control and bidirectional characters
/// as `\u{XX}` (`DisplaySafe`), JSON escapes them as `\uXXXX`, and data formats (CSV,
/// iCalendar) are written as they are to a file or pipe, but escaped on a terminal.
enum CLIOutput {
    /// How a document is made safe before it is written.
    enum Format {
        /// Text of several lines: line feeds and tabs stay, and the scalars in `keeping`.
        case text(keeping: Set<Unicode.Scalar> = [])
        /// JSON: escapes that decode to the same values.
        case json
        /// A data format with its own rules for what may be in it (CSV, iCalendar): as it is.
        case data

        func safe(_ data: Data) -> Data {
            switch self {
            case .text: return Data(safe(String(decoding: data, as: UTF8.self)).utf8)
            case .json: return DisplaySafe.json(data)
            case .data: return data
            }
        }

        func safe(_ text: String) -> String {
            switch self {
            case .text(let keeping): return DisplaySafe.text(text, keeping: keeping.union(["\n", "\t"]))
            case .json: return String(decoding: DisplaySafe.json(Data(text.utf8)), as: UTF8.self)
            case .data: return text
            }
        }
    }

    /// Whether standard output is a terminal (a person reads it) rather than a file, pipe or log.
    /// Messages name a participant by name only on a terminal; elsewhere by id alone.
    static let toTerminal = isatty(STDOUT_FILENO) == 1

    /// One line on standard output, every control character in it escaped.
    static func line(_ text: String) {
        FileHandle.standardOutput.write(Data((DisplaySafe.text(text) + "\n").utf8))
    }

    /// A document on standard output, made safe for its format; a data format shown on a
    /// terminal is escaped as text (keeping the carriage returns of its line ends).
    static func document(_ data: Data, _ format: Format) {
        let shown: Format
        switch format {
        case .data where toTerminal: shown = .text(keeping: ["\r"])
        default: shown = format
        }
        FileHandle.standardOutput.write(shown.safe(data))
    }

    /// `stepwise: MESSAGE` on standard error, every control character in it escaped.
    static func error(_ message: String) {
        FileHandle.standardError.write(Data(("stepwise: " + DisplaySafe.text(message) + "\n").utf8))
    }

    /// A usage problem, and where to read the command's help, in the words of `strings`.
    static func usage(_ message: String, command: String?, strings: Localizer) {
        error(message)
        let help = ["stepwise", command, "--help"].compactMap { $0 }.joined(separator: " ")
        FileHandle.standardError.write(Data((strings("cli.tryHelp", ["command": help]) + "\n").utf8))
    }
}

/// Where `emit` put a document.
enum Destination {
    case standardOutput
    case file(String)
}

extension Commands {
    /// Writes a document to the `--output` file (mode 0600, atomically and durably, see
    /// `AtomicFile`) or, without one, to standard output. Returns nil after saying why the
    /// file could not be written.
    func emit(_ data: Data, _ format: CLIOutput.Format) -> Destination? {
        guard let output = options.values["--output"] else {
            CLIOutput.document(data, format)
            return .standardOutput
        }
        do {
            var info = stat()
            if stat(output, &info) == 0, info.st_mode & S_IFMT == S_IFCHR || info.st_mode & S_IFMT == S_IFIFO {
                // A device or a pipe (/dev/null, /dev/stdout, a FIFO): written to, never replaced.
                guard let handle = FileHandle(forWritingAtPath: output) else {
                    throw AtomicFile.WriteError(path: output, reason: text("cannotOpen"))
                }
                try handle.write(contentsOf: format.safe(data))
                try handle.close()
            } else {
                try AtomicFile.write(format.safe(data), to: URL(fileURLWithPath: output))
            }
        } catch {
            printError(couldNotWrite(output, error))
            return nil
        }
        return .file(output)
    }

    func say(_ line: String) { CLIOutput.line(line) }

    func printError(_ message: String) { CLIOutput.error(message) }

    /// Prints a usage problem and returns the bad-usage status, 2.
    func usage(_ message: String) -> Int32 {
        CLIOutput.usage(message, command: options.named?.name, strings: strings)
        return 2
    }
}
