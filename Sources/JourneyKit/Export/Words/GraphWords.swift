/// The words the Graphviz views (flow and matrix) and the Markdown export add to a picture,
/// per language: part of the same tables as the map's words (`DiagramWords.graph`), so a
/// Spanish journey's diagrams are all Spanish.
struct GraphWords: Sendable, Hashable {
    /// Legend headings.
    let emotion, boxes, changes, arrows, findings, touchpoints: String
    /// The emotion scale, −2 … +2, then "no emotion given".
    let emotionScale: [String]
    /// Legend entries: what a mark looks like, and what it means.
    let thickBorder, bold, italic, greyRow, red, yellowStage, momentOfTruth, businessReachesOut: String
    let arrowShapedBox, roundedBox, customerStarts, sameChannel, switchesChannel: String
    let brokenHandoff, unserved, channelGapPrefix, somePersona, thePersona, channelNotUsed: String
    let added, greenBorder, changed, amberBorder, removed, dashedGrey: String
    /// Notes in the pictures; `%p` is a persona's name.
    let noTouchpoints, noTouchpointsFor, notUsedBy, channelGap, aPersona: String
    /// The last item of a shortened list of names, `%n` the count left out; and the word before it.
    let more, and: String
    /// Badges on a touchpoint's box, and the note on a removed one.
    let unservedBadge, brokenHandoffBadge, removedNote: String
    /// A channel that is not live, on its matrix row and after its name on a flow card.
    let planned, retired: String
    /// The unserved badge naming whom the touchpoint misses (`%p` the names), or saying that
    /// no channel of it is live.
    let unservedFor, nobodyCanReach: String
    /// The legend entry of a card on a planned or retired channel.
    let dashedOutline, notLiveChannel: String
    /// The changes box of a review picture: its heading, and the names of the kinds of element
    /// in the order of `JourneyDiff.Entity` (journey, persona, channel, stage, touchpoint).
    let whatChanged: String
    let entityNames: [String]
    /// A touchpoint that continues in another journey: the badge (`%j` its title or id), and the legend's words.
    let continuesIn, linkedJourney: String
    /// Legend entries of observed traffic (`--events`, `--transitions`).
    let observedWidth, observedUnplanned: String
    /// The Markdown export's findings list.
    let findingsHeading, noFindings: String

    static let english = GraphWords(
        emotion: "Emotion", boxes: "Boxes", changes: "Changes", arrows: "Arrows", findings: "Findings", touchpoints: "Touchpoints",
        emotionScale: ["−2 very unhappy", "−1 unhappy", "0 neutral", "+1 happy", "+2 delighted", "no emotion given"],
        thickBorder: "thick border", bold: "bold", italic: "italic", greyRow: "grey row", red: "red", yellowStage: "yellow stage",
        momentOfTruth: "moment of truth", businessReachesOut: "the business reaches out",
        arrowShapedBox: "arrow-shaped box", roundedBox: "rounded box", customerStarts: "the customer starts it",
        sameChannel: "next step, same channel", switchesChannel: "next step, customer switches channel",
        brokenHandoff: "broken handoff: channel switch without context", unserved: "unserved: a persona cannot reach it",
        channelGapPrefix: "channel gap: no touchpoint of the stage reaches ", somePersona: "one of the personas (cjm check names them)",
        thePersona: "the persona", channelNotUsed: "channel the persona does not use",
        added: "added", greenBorder: "green border", changed: "changed (the fields that changed)", amberBorder: "amber border",
        removed: "removed, where it used to be", dashedGrey: "dashed grey",
        noTouchpoints: "no touchpoints", noTouchpointsFor: "no touchpoints for %p", notUsedBy: "not used by %p",
        channelGap: "channel gap", aPersona: "a persona", more: "%n more", and: "and",
        unservedBadge: "unserved", brokenHandoffBadge: "broken handoff", removedNote: "removed", planned: "planned", retired: "retired",
        unservedFor: "unserved: %p", nobodyCanReach: "nobody can reach it",
        dashedOutline: "dashed outline", notLiveChannel: "on a planned or retired channel",
        whatChanged: "What changed", entityNames: ["journey", "persona", "channel", "stage", "touchpoint"],
        continuesIn: "↪ continues in %j", linkedJourney: "continues in another journey of the portfolio",
        observedWidth: "width and number: observed cases that took the step",
        observedUnplanned: "observed step the flows (next) do not have",
        findingsHeading: "Findings:", noFindings: "No findings.")

    static let spanish = GraphWords(
        emotion: "Emoción", boxes: "Cajas", changes: "Cambios", arrows: "Flechas", findings: "Hallazgos", touchpoints: "Puntos de contacto",
        emotionScale: ["−2 muy molesto", "−1 molesto", "0 neutral", "+1 contento", "+2 encantado", "sin emoción indicada"],
        thickBorder: "borde grueso", bold: "negrita", italic: "cursiva", greyRow: "fila gris", red: "rojo", yellowStage: "etapa amarilla",
        momentOfTruth: "momento de la verdad", businessReachesOut: "la empresa toma la iniciativa",
        arrowShapedBox: "caja en forma de flecha", roundedBox: "caja redondeada", customerStarts: "el cliente lo inicia",
        sameChannel: "paso siguiente, mismo canal", switchesChannel: "paso siguiente, el cliente cambia de canal",
        brokenHandoff: "traspaso roto: cambio de canal sin contexto", unserved: "sin servicio: un perfil no puede llegar",
        channelGapPrefix: "hueco de canal: ningún punto de contacto de la etapa llega a ",
        somePersona: "uno de los perfiles (cjm check los nombra)", thePersona: "el perfil", channelNotUsed: "canal que el perfil no usa",
        added: "añadido", greenBorder: "borde verde", changed: "cambiado (los campos que cambiaron)", amberBorder: "borde ámbar",
        removed: "eliminado, donde estaba", dashedGrey: "gris discontinuo",
        noTouchpoints: "sin puntos de contacto", noTouchpointsFor: "sin puntos de contacto para %p", notUsedBy: "no lo usa %p",
        channelGap: "hueco de canal", aPersona: "un perfil", more: "%n más", and: "y",
        unservedBadge: "sin servicio", brokenHandoffBadge: "traspaso roto", removedNote: "eliminado", planned: "previsto", retired: "retirado",
        unservedFor: "sin servicio: %p", nobodyCanReach: "nadie puede llegar",
        dashedOutline: "borde discontinuo", notLiveChannel: "en un canal previsto o retirado",
        whatChanged: "Qué cambió", entityNames: ["recorrido", "perfil", "canal", "etapa", "punto de contacto"],
        continuesIn: "↪ continúa en %j", linkedJourney: "continúa en otro recorrido de la cartera",
        observedWidth: "grosor y número: casos observados que dieron el paso",
        observedUnplanned: "paso observado que los flujos (next) no tienen",
        findingsHeading: "Hallazgos:", noFindings: "Sin hallazgos.")

    /// `template` with `%p` replaced by `persona` (in one pass, so a name holding "%n" stays as typed).
    func fill(_ template: String, persona: String, count: Int = 0) -> String {
        DiagramWords.fill(template, ["p": persona, "n": String(count)])
    }
}

extension DiagramWords {
    /// The words of the Graphviz views and the Markdown export in this table's language.
    var graph: GraphWords { language == "es" ? .spanish : .english }
}
