/// Every word cjm adds to a picture (lane titles, legend, finding texts, "page k of n"),
/// one table per language, so that a Spanish journey gets an all-Spanish map.
///
/// Pick a table with `DiagramWords.forLanguage(_:)`: `--lang`, else the journey's language,
/// else English. Languages without a table fall back to English.
public struct DiagramWords: Sendable, Hashable {
    /// The primary language subtag of this table: `en` or `es`.
    public let language: String

    /// Lane titles, in `MapLane` order.
    let laneTitles: [MapLane: String]
    /// Words for emotion levels −2…+2, index 0 being −2.
    let emotionLevels: [String]
    /// The persona a focused map shows, e.g. "Persona: María".
    let personaLabel: String
    /// The scenario a map shows, e.g. "Scenario: Launch".
    let scenarioLabel: String
    /// "page 1 of 2"; `%k` and `%n` are replaced.
    let pageOf: String
    /// Suffix of a stage split across pages.
    let continued: String
    /// Channel status words on chips.
    let planned: String
    let retired: String
    /// Who starts a touchpoint, on the card's footer.
    let customer: String
    let business: String
    /// Legend entries.
    let legendEntry: String
    let legendMomentOfTruth: String
    let legendPlanned: String
    let legendRetired: String
    let legendInitiator: String
    let legendGap: String
    let legendCut: String
    /// The line between what customers see and the backstage.
    let lineOfVisibility: String
    /// Backstage step kinds (format 1.1).
    let backstageKinds: [String: String]
    /// The text alternative of the picture: `%t` title, `%s` stage count, `%c` touchpoint count.
    let description: String
    /// Shown in a stage column without touchpoints.
    let noTouchpoints: String
    /// "A, B and C": the word before the last item.
    let and: String
    /// Finding texts by rule; placeholders `%p` persona, `%f` touchpoint before, `%r` reasons.
    let findings: [String: String]
    /// The reasons a channel does not serve a persona: `%c` channel name.
    let notTheirChannel: String
    let channelIsPlanned: String
    let channelIsRetired: String
    /// On a card whose touchpoint continues in another journey: `%j` its title (or id).
    let continuesIn: String
    /// A KPI's latest actual next to its target: `%v` the value, `%d` the day; and whether it meets the target.
    let actual, actualOn, kpiMet, kpiMissed: String
    /// The share of an event log's cases that reached a touchpoint: `%s` the share, `%c` the cases.
    let reachedBy: String

    /// English, the fallback for languages without a table.
    public static let english = DiagramWords(
        language: "en",
        laneTitles: [.touchpoints: "Touchpoints", .emotion: "Emotion", .pains: "Pains", .opportunities: "Opportunities",
                     .kpis: "KPIs", .owners: "Owners", .backstage: "Backstage", .findings: "Findings"],
        emotionLevels: ["Very unhappy", "Unhappy", "Neutral", "Happy", "Delighted"],
        personaLabel: "Persona", scenarioLabel: "Scenario", pageOf: "page %k of %n", continued: "continued",
        planned: "planned", retired: "retired", customer: "customer", business: "business",
        legendEntry: "entry point", legendMomentOfTruth: "moment of truth",
        legendPlanned: "planned channel", legendRetired: "retired channel",
        legendInitiator: "who starts the contact", legendGap: "no emotion given",
        legendCut: "text cut: the full text is in the tooltip",
        lineOfVisibility: "line of visibility",
        backstageKinds: ["backstage": "Backstage", "support": "Support", "system": "System"],
        description: "Customer journey map of %t: %s stages, %c touchpoints.",
        noTouchpoints: "no touchpoints", and: "and",
        findings: [
            "unserved-touchpoint.persona": "%p cannot reach it: %r",
            "unserved-touchpoint.no-channel": "No one can reach it: it has no channel",
            "unserved-touchpoint": "No one can reach it: %r",
            "channel-gap": "No touchpoint of this stage reaches %p",
            "dead-end": "Dead end: nothing follows it, and it is not in the last stage",
            "unreachable-touchpoint": "No path from an entry point leads here",
            "broken-handoff": "Customers arriving from “%f” switch channel and nothing is handed over",
            "unaddressed-pain": "Its pains have no opportunity yet",
            "unaddressed-pain.moment-of-truth": "Its pains have no opportunity yet, and it is a moment of truth",
            "unowned-touchpoint": "No one owns it or its channels",
            "empty-stage": "This stage has no touchpoints",
            "unmeasured-stage": "No touchpoint of this stage has a KPI",
            "unaddressed-pain.persona": "The pains of %p here have no opportunity yet",
            "unaddressed-pain.persona.moment-of-truth": "The pains of %p here have no opportunity yet, and it is a moment of truth",
            "unevidenced-moment": "A moment of truth with no evidence but assumptions",
            "stale-evidence": "Its newest evidence is more than 18 months old",
            "unsupported-touchpoint": "No backstage step makes it happen",
            "kpi-off-target": "A KPI's latest actual misses its target",
        ],
        notTheirChannel: "%c is not one of their channels",
        channelIsPlanned: "%c is only planned", channelIsRetired: "%c is retired",
        continuesIn: "↪ continues in %j",
        actual: "actual %v", actualOn: "actual %v on %d", kpiMet: "✓ met", kpiMissed: "✗ missed",
        reachedBy: "%s of cases reached it (%c)")

    /// Spanish.
    public static let spanish = DiagramWords(
        language: "es",
        laneTitles: [.touchpoints: "Puntos de contacto", .emotion: "Emoción", .pains: "Puntos de dolor",
                     .opportunities: "Oportunidades", .kpis: "KPI", .owners: "Responsables",
                     .backstage: "Trastienda", .findings: "Hallazgos"],
        emotionLevels: ["Muy molesto", "Molesto", "Neutral", "Contento", "Encantado"],
        personaLabel: "Persona", scenarioLabel: "Escenario", pageOf: "página %k de %n", continued: "continuación",
        planned: "previsto", retired: "retirado", customer: "cliente", business: "empresa",
        legendEntry: "punto de entrada", legendMomentOfTruth: "momento de la verdad",
        legendPlanned: "canal previsto", legendRetired: "canal retirado",
        legendInitiator: "quién inicia el contacto", legendGap: "sin emoción indicada",
        legendCut: "texto recortado: el texto completo está en la descripción emergente",
        lineOfVisibility: "línea de visibilidad",
        backstageKinds: ["backstage": "Trastienda", "support": "Apoyo", "system": "Sistema"],
        description: "Mapa del recorrido del cliente %t: %s etapas, %c puntos de contacto.",
        noTouchpoints: "sin puntos de contacto", and: "y",
        findings: [
            "unserved-touchpoint.persona": "%p no puede llegar: %r",
            "unserved-touchpoint.no-channel": "Nadie puede llegar: no tiene canal",
            "unserved-touchpoint": "Nadie puede llegar: %r",
            "channel-gap": "Ningún punto de contacto de esta etapa llega a %p",
            "dead-end": "Callejón sin salida: nada lo sigue y no está en la última etapa",
            "unreachable-touchpoint": "Ningún camino desde un punto de entrada lleva hasta aquí",
            "broken-handoff": "Quien llega desde «%f» cambia de canal y nada se le traspasa",
            "unaddressed-pain": "Sus puntos de dolor aún no tienen oportunidad",
            "unaddressed-pain.moment-of-truth": "Sus puntos de dolor aún no tienen oportunidad, y es un momento de la verdad",
            "unowned-touchpoint": "Nadie es responsable de él ni de sus canales",
            "empty-stage": "Esta etapa no tiene puntos de contacto",
            "unmeasured-stage": "Ningún punto de contacto de esta etapa tiene KPI",
            "unaddressed-pain.persona": "Los puntos de dolor de %p aquí aún no tienen oportunidad",
            "unaddressed-pain.persona.moment-of-truth": "Los puntos de dolor de %p aquí aún no tienen oportunidad, y es un momento de la verdad",
            "unevidenced-moment": "Momento de la verdad sin más evidencia que suposiciones",
            "stale-evidence": "Su evidencia más reciente tiene más de 18 meses",
            "unsupported-touchpoint": "Ningún paso de trastienda lo hace posible",
            "kpi-off-target": "El último valor real de un KPI no alcanza su objetivo",
        ],
        notTheirChannel: "%c no es uno de sus canales",
        channelIsPlanned: "%c solo está previsto", channelIsRetired: "%c está retirado",
        continuesIn: "↪ continúa en %j",
        actual: "real %v", actualOn: "real %v el %d", kpiMet: "✓ cumplido", kpiMissed: "✗ no cumplido",
        reachedBy: "lo alcanzó el %s de los casos (%c)")

    /// The table for a BCP 47 language tag (`es`, `es-MX`, `EN`…); English when there is none.
    public static func forLanguage(_ tag: String?) -> DiagramWords {
        guard let tag else { return .english }
        let primary = tag.unicodeScalars.prefix { $0 != "-" && $0 != "_" }
        switch String(String.UnicodeScalarView(primary)).lowercased() {
        case "es": return .spanish
        default: return .english
        }
    }

    /// The title of a lane.
    public func title(of lane: MapLane) -> String { laneTitles[lane] ?? lane.rawValue }

    /// The word for an emotion level from −2 to +2.
    public func emotionLevel(_ level: Int) -> String {
        emotionLevels[min(max(level, -2), 2) + 2]
    }

    /// "page 2 of 3" in this language.
    public func page(_ number: Int, of count: Int) -> String {
        Self.fill(pageOf, ["k": String(number), "n": String(count)])
    }

    /// "A", "A and B", "A, B and C".
    func list(_ items: [String]) -> String {
        Wording.list(items, and: and)
    }

    /// A finding's text for the map, or nil for rules without a table entry.
    func finding(_ key: String, persona: String = "", from: String = "", reasons: [String] = []) -> String? {
        findings[key].map { Self.fill($0, ["p": persona, "f": from, "r": list(reasons)]) }
    }

    /// The mark of a touchpoint that continues in the journey titled (or with the id) `journey`.
    func continues(in journey: String) -> String {
        Self.fill(continuesIn, ["j": journey])
    }

    /// A KPI as maps and reports show it: its name and target, then, when the actuals give
    /// one, the latest actual with its day, marked met or missed when the target is a comparison.
    public func kpi(_ kpi: Touchpoint.KPI, reading: KPIReading?) -> String {
        var text = kpi.target.map { "\(kpi.name): \($0)" } ?? kpi.name
        guard let reading else { return text }
        text += " · " + (reading.date.map { Self.fill(actualOn, ["v": reading.value, "d": $0]) } ?? Self.fill(actual, ["v": reading.value]))
        switch reading.verdict {
        case .met: text += " " + kpiMet
        case .missed: text += " " + kpiMissed
        case .notEvaluated: break
        }
        return text
    }

    /// "62 % of cases reached it (186)": a touchpoint's share of an event log's cases.
    public func reached(share: Double, cases: Int) -> String {
        Self.fill(reachedBy, ["s": Self.percent(share), "c": String(cases)])
    }

    /// A share as a whole percentage, `62 %` (below 1 % but above none: `<1 %`).
    static func percent(_ share: Double) -> String {
        let whole = Int((share * 100).rounded())
        return whole == 0 && share > 0 ? "<1 %" : "\(whole) %"
    }

    /// The description of a map: journey title, stage and touchpoint counts.
    func description(title: String, stages: Int, touchpoints: Int) -> String {
        Self.fill(description, ["t": title, "s": String(stages), "c": String(touchpoints)])
    }

    /// Replaces `%x` placeholders in one pass, so that a name containing "%p" stays as typed.
    static func fill(_ template: String, _ values: [Unicode.Scalar: String]) -> String {
        var result = ""
        var scalars = template.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            guard scalar == "%", let key = scalars.next() else {
                result.unicodeScalars.append(scalar)
                continue
            }
            if let value = values[key] { result += value } else { result.unicodeScalars.append(contentsOf: ["%", key]) }
        }
        return result
    }
}

/// The words of the HTML report page (`cjm report`, `cjm serve`): headings, field labels and
/// switcher texts, in the same languages as the map's words.
public struct ReportWords: Sendable, Hashable {
    let journeys, personas, allPersonas, scenario, baseJourney, findings, noFindings: String
    let coverage, stage, touchpoint, channels, audience, everyone, initiator, owner, emotion: String
    let pains, opportunities, kpis, evidence, backstage, handoff, tags, properties, goals, next: String
    let description, details, close, mapAsTable, invalidFile, errors, warnings, infos, aboutThis: String
    let reaches, entry, momentOfTruth, generated, liveReload, noChannel: String
    /// The label of a touchpoint's link to the journey it continues in.
    let continuesIn: String
    /// The label of what an event log says about a touchpoint.
    let observed: String
    /// "%r of %c touchpoints reach %p"
    let reachSummary: String

    static let english = ReportWords(
        journeys: "Journeys", personas: "Personas", allPersonas: "All personas", scenario: "Scenario",
        baseJourney: "As written", findings: "Findings", noFindings: "No findings.",
        coverage: "Coverage: channels × stages", stage: "Stage", touchpoint: "Touchpoint", channels: "Channels",
        audience: "Audience", everyone: "every persona", initiator: "Started by", owner: "Owner", emotion: "Emotion",
        pains: "Pains", opportunities: "Opportunities", kpis: "KPIs", evidence: "Evidence", backstage: "Backstage",
        handoff: "Handoff", tags: "Tags", properties: "Properties", goals: "Goals", next: "Next",
        description: "Description", details: "Details", close: "Close", mapAsTable: "The map as a table",
        invalidFile: "This file is not a valid journey; cjm check says:", errors: "Errors", warnings: "Warnings",
        infos: "Info", aboutThis: "Findings about it", reaches: "Reaches", entry: "entry point",
        momentOfTruth: "moment of truth", generated: "Made by cjm", liveReload: "Live preview: reloads when the file is saved",
        noChannel: "no channel", continuesIn: "Continues in", observed: "Observed", reachSummary: "%r of %c touchpoints reach %p")

    static let spanish = ReportWords(
        journeys: "Recorridos", personas: "Personas", allPersonas: "Todas las personas", scenario: "Escenario",
        baseJourney: "Tal como está escrito", findings: "Hallazgos", noFindings: "Sin hallazgos.",
        coverage: "Cobertura: canales × etapas", stage: "Etapa", touchpoint: "Punto de contacto", channels: "Canales",
        audience: "Público", everyone: "todas las personas", initiator: "Lo inicia", owner: "Responsable", emotion: "Emoción",
        pains: "Puntos de dolor", opportunities: "Oportunidades", kpis: "KPI", evidence: "Evidencia", backstage: "Trastienda",
        handoff: "Traspaso", tags: "Etiquetas", properties: "Propiedades", goals: "Objetivos", next: "Siguiente",
        description: "Descripción", details: "Detalles", close: "Cerrar", mapAsTable: "El mapa como tabla",
        invalidFile: "Este archivo no es un recorrido válido; cjm check dice:", errors: "Errores", warnings: "Avisos",
        infos: "Informativos", aboutThis: "Hallazgos sobre él", reaches: "Llega a", entry: "punto de entrada",
        momentOfTruth: "momento de la verdad", generated: "Hecho con cjm",
        liveReload: "Vista previa en vivo: se recarga al guardar el archivo",
        noChannel: "sin canal", continuesIn: "Continúa en", observed: "Observado", reachSummary: "%r de %c puntos de contacto llegan a %p")
}

extension DiagramWords {
    /// The report page's words in this table's language.
    public var report: ReportWords { language == "es" ? .spanish : .english }
}
