import Foundation
import StepwiseCore
import StepwiseUI

/// `stepwise config`: the settings in effect and where each came from.
extension Command {
    static let config = Command(
        "config", summary: "the settings in effect and where each came from",
        action: .run { $0.config() })

    /// The configuration files' format and keys, from `SettingKey.all`.
    static var settingsHelp: String {
        let width = (SettingKey.all.map(\.name.count).max() ?? 0) + 2
        let keys = SettingKey.all.map { key in
            let standard = key.standard.map { " (default \($0))" } ?? ""
            let also = [key.variable.map { "$" + $0 }, key.option].compactMap { $0 }
            let overridden = also.isEmpty ? "" : "; also " + also.joined(separator: ", ")
            return "  " + key.name.padding(toLength: width, withPad: " ", startingAt: 0) + key.about + standard + overridden
        }
        return """
            Files, each overriding the one before, then environment variables, then options:
              /etc/stepwise/stepwise.conf (or the file $STEPWISE_CONFIG names): the organisation's
              $XDG_CONFIG_HOME/stepwise/stepwise.conf (default ~/.config/...): one user's
            A missing file is skipped. One 'key = value' a line; a line starting with # is a
            comment; [section] or [section name] puts 'section.' or 'section.name.' before the
            keys that follow, e.g. [organisation] then 'name = Jobcenter Vejle', or
            [coach anna] then 'phone = +45 76 81 00 00'. A value runs to the end of the line.

            Keys (LOGIN: a coach's login name, or their $STEPWISE_COACH):
            \(keys.joined(separator: "\n"))

            course.weeks and course.conversations apply to participants added from then on;
            a record keeps the course it was created with.
            """
    }
}

extension Commands {
    func config() -> Int32 {
        print(text("config.files"))
        for path in Settings.filePaths(environment: environment) {
            let state = text(FileManager.default.fileExists(atPath: path) ? "config.read" : "config.absent")
            print("  " + DisplayWidth.pad(path, to: 50) + "  " + state)
        }
        print("")
        var rows: [(String, String, String)] = []
        if settings.dataFolder == nil { rows.append(("data", store.root.path, text("config.default"))) }
        if settings.language == nil {
            let available = Localizer.available(resources: resources)
            rows.append(
                (
                    "language", Localizer.chooseLanguage(option: nil, environment: environment, available: available),
                    text("config.defaultLocale")
                ))
        }
        if settings.timeZone == nil { rows.append(("timezone", TimeZone.current.identifier, text("config.defaultSystem"))) }
        rows += settings.listing.map { ($0.key, $0.value.value, $0.value.source.description) }
        rows.sort { SettingKey.order($0.0) < SettingKey.order($1.0) }
        rows.insert((text("config.key"), text("config.value"), text("config.from")), at: 0)
        let keyWidth = rows.map { DisplayWidth.of($0.0) }.max() ?? 0
        let valueWidth = min(40, rows.map { DisplayWidth.of($0.1) }.max() ?? 0)
        for (key, value, source) in rows {
            print(DisplayWidth.pad(key, to: keyWidth) + "  " + DisplayWidth.pad(value, to: valueWidth) + "  " + source)
        }
        let identity = Identity.current(environment: environment)
        print("\n" + text(identity.coach == identity.user ? "config.coachLogin" : "config.coachVariable", ["coach": identity.coach]))
        return 0
    }
}
