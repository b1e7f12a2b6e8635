/// The hint for a value that is not one of a choice's allowed values: the allowed value it
/// most likely means, by spelling (`planed` → `planned`) or by meaning (`whatsapp` → kind
/// `messaging`, `deprecated` → status `retired`). Shared by the JSON and XML importers.
enum ChoiceHint {
    static func hint<Value: RawRepresentable & CaseIterable>(for text: String, as _: Value.Type) -> String? where Value.RawValue == String {
        let allowed = Value.allCases.map(\.rawValue)
        if let meant = synonyms(of: Value.self)[text.lowercased()] {
            return "did you mean \"\(meant)\"? (cjm's word for \"\(text)\")"
        }
        return Suggestion.hint(for: text, among: allowed)
    }

    /// Words people write for each value, by the type of the choice; lower case.
    private static func synonyms<Value>(of type: Value.Type) -> [String: String] {
        switch type {
        case is Channel.Kind.Type: channelKinds
        case is Channel.Status.Type: channelStatuses
        case is Touchpoint.Initiator.Type: initiators
        case is Evidence.Kind.Type: evidenceKinds
        default: [:]
        }
    }

    private static func table(_ groups: [String: [String]]) -> [String: String] {
        var table: [String: String] = [:]
        for (value, words) in groups {
            for word in words { table[word] = value }
        }
        return table
    }

    private static let channelKinds = table([
        "messaging": ["whatsapp", "sms", "chat", "live-chat", "livechat", "chatbot", "bot", "telegram", "messenger", "signal", "wechat", "line", "imessage", "rcs"],
        "web": ["website", "site", "webpage", "portal", "online", "internet", "browser", "landing-page"],
        "app": ["mobile", "mobile-app", "ios", "android", "application", "smartphone"],
        "phone": ["call", "telephone", "call-center", "call-centre", "callcenter", "hotline", "ivr", "voice"],
        "email": ["e-mail", "mail-out", "newsletter"],
        "social": ["facebook", "instagram", "twitter", "x", "linkedin", "tiktok", "youtube", "social-media"],
        "ads": ["ad", "advert", "adverts", "advertising", "advertisement", "banner", "tv", "radio", "billboard"],
        "store": ["shop", "branch", "counter", "office", "in-person", "face-to-face", "desk", "kiosk", "showroom"],
        "mail": ["post", "letter", "postal", "snail-mail"],
    ])

    private static let channelStatuses = table([
        "retired": ["deprecated", "discontinued", "legacy", "sunset", "off", "disabled", "inactive", "closed", "removed", "obsolete"],
        "live": ["active", "enabled", "production", "prod", "on", "available", "open", "current"],
        "planned": ["draft", "pilot", "beta", "future", "proposed", "soon", "upcoming", "todo", "idea", "next"],
    ])

    private static let initiators = table([
        "customer": ["user", "client", "patient", "guest", "visitor", "persona"],
        "business": ["company", "staff", "employee", "agent", "system", "organisation", "organization", "us"],
    ])

    private static let evidenceKinds = table([
        "usability-test": ["usability", "user-test", "test", "usertest"],
        "analytics": ["data", "metrics", "tracking"],
        "support": ["tickets", "complaints", "helpdesk"],
        "assumption": ["guess", "hypothesis"],
    ])
}
