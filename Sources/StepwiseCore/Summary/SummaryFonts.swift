import Foundation

/// The two faces the PDF summary is set in: DejaVu Sans and DejaVu Sans Bold from Debian's
/// `fonts-dejavu-core` unless `STEPWISE_FONT` and `STEPWISE_FONT_BOLD` name other TrueType
/// files.
public struct SummaryFonts: Sendable {
    /// Why the fonts cannot be used.
    public struct Failure: Error, Equatable, CustomStringConvertible {
        public var path: String
        public var reason: String

        public init(path: String, reason: String) {
            self.path = path
            self.reason = reason
        }

        public var description: String {
            "cannot read the font \(path): \(reason) (install fonts-dejavu-core, or name a TrueType font with STEPWISE_FONT and STEPWISE_FONT_BOLD)"
        }
    }

    /// Where Debian's `fonts-dejavu-core` puts DejaVu Sans.
    public static let defaultRegular = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
    /// Where Debian's `fonts-dejavu-core` puts DejaVu Sans Bold.
    public static let defaultBold = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"

    public let regular: TrueTypeFont
    public let bold: TrueTypeFont

    public init(regular: TrueTypeFont, bold: TrueTypeFont) {
        self.regular = regular
        self.bold = bold
    }

    /// Reads the files at `regular` and `bold`. Throws `Failure` naming the file that cannot
    /// be read or is not a TrueType font.
    public static func load(regular: String, bold: String) throws -> SummaryFonts {
        func read(_ path: String) throws -> TrueTypeFont {
            do { return try TrueTypeFont(contentsOf: URL(fileURLWithPath: path)) } catch let failure as TrueTypeFont.Failure {
                throw Failure(path: path, reason: failure.description)
            } catch {
                throw Failure(path: path, reason: (error as NSError).localizedDescription)
            }
        }
        return SummaryFonts(regular: try read(regular), bold: try read(bold))
    }

    /// The fonts named by `STEPWISE_FONT` and `STEPWISE_FONT_BOLD` in `environment`, else
    /// DejaVu Sans. Throws `Failure` as `load(regular:bold:)`.
    public static func load(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> SummaryFonts {
        let regular = environment["STEPWISE_FONT"].flatMap { $0.isEmpty ? nil : $0 } ?? defaultRegular
        let bold = environment["STEPWISE_FONT_BOLD"].flatMap { $0.isEmpty ? nil : $0 } ?? defaultBold
        return try load(regular: regular, bold: bold)
    }
}
