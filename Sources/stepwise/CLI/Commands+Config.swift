import Foundation
import StepwiseCore
import StepwiseUI

/// `stepwise config`: the settings in effect and where each came from.
extension Command {
    static let config = Command(
        "config", summary: "the settings in effect and where each came from",
        action: .run { $0.config() })

    /// The configuration files' format and keys, from `SettingKey.all`, in the words of
    /// `strings` (`cli.help.settings`, each key's `cli.setting.NAME`).
    static func settingsHelp(_ strings: Localizer) -> String {
        let width = (SettingKey.all.map(\.name.count).max() ?? 0) + 2
        let keys = SettingKey.all.map { key in
            let standard = key.standard.map { strings("cli.setting.default", ["value": $0]) } ?? ""
            let also = [key.variable.map { "$" + $0 }, key.option].compactMap { $0 }
            let overridden = also.isEmpty ? "" : strings("cli.setting.also", ["names": also.joined(separator: ", ")])
            return "  " + key.name.padding(toLength: width, withPad: " ", startingAt: 0) + strings("cli.setting." + key.name)
                + standard + overridden
        }
        return strings("cli.help.settings", ["keys": keys.joined(separator: "\n")])
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
