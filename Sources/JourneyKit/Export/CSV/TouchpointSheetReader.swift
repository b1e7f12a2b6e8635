extension TouchpointSheet {
    /// What reading a sheet into a journey gave: the journey with the sheet's touchpoints, or
    /// the located problems (`sheet.csv:14:5: error: …`) that stop it.
    public struct Reading: Sendable {
        public var journey: Journey?
        public var diagnostics: [Diagnostic]
    }

    /// Replaces the touchpoints of `journey`, and the order of their stages, with the sheet's;
    /// keeps everything else. A touchpoint keeps what the sheet has no column for (experiences,
    /// evidence, backstage, properties, ignore) from the journey's touchpoint with the same id.
    /// New stage ids create stages; stages the sheet does not name keep their place, empty.
    /// The journey's usual validation runs on the result, located in the sheet where it can be.
    public static func read(header: [String], records: [CSVRecord], file: String, into journey: Journey,
                            validator: JourneyValidator = JourneyValidator()) -> Reading {
        var diagnostics: [Diagnostic] = []
        var positions: [String: Int] = [:]
        for (index, rawName) in header.enumerated() {
            let name = rawName.csvTrimmed.lowercased()
            let location = SourceLocation(file: file, line: 1, column: index + 1)
            if !columns.contains(name) {
                let hint = Suggestion.hint(for: name, among: columns, fallback: nil)
                    .map { $0 + "; the columns are " + columns.joined(separator: ", ") } ?? "the columns are " + columns.joined(separator: ", ")
                diagnostics.append(.error("unknown column \"\(rawName)\"", at: location, hint: hint))
            } else if positions[name] != nil {
                diagnostics.append(.error("the column \"\(name)\" appears twice", at: location, hint: "keep one of them"))
            } else {
                positions[name] = index
            }
        }
        for name in ["stage", "id", "name"] where positions[name] == nil {
            diagnostics.append(.error("the sheet has no \"\(name)\" column", at: SourceLocation(file: file, line: 1, column: 1),
                                      hint: "the columns stage, id and name are needed; the others are optional"))
        }
        guard diagnostics.isEmpty else { return Reading(journey: nil, diagnostics: diagnostics) }

        let existing = Dictionary(journey.touchpoints.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var stageOrder: [String] = []
        var stages: [String: Stage] = [:]
        for stage in journey.stages where stages[stage.id] == nil {
            var emptied = stage
            emptied.touchpoints = []
            stages[stage.id] = emptied
        }
        var sourceMap = SourceMap()
        for record in records {
            func cell(_ name: String) -> String? {
                positions[name].map { unneutralised(record.field($0)) }
            }
            func at(_ name: String) -> SourceLocation {
                record.location(in: file, column: positions[name] ?? 0)
            }
            func list(_ name: String) -> [String]? {
                cell(name).map { text in
                    text.split(separator: ";", omittingEmptySubsequences: true)
                        .map { String($0).csvTrimmed }.filter { !$0.isEmpty }
                }
            }
            func optionalText(_ name: String) -> String?? {
                cell(name).map { $0.isEmpty ? nil : $0 }
            }
            let stageID = cell("stage")?.csvTrimmed ?? ""
            let id = cell("id")?.csvTrimmed ?? ""
            guard !stageID.isEmpty else {
                diagnostics.append(.error("row \(record.row) has no stage", at: at("stage"), hint: "write the stage id, e.g. one of the journey's stages"))
                continue
            }
            guard !id.isEmpty else {
                diagnostics.append(.error("row \(record.row) has no touchpoint id", at: at("id"), hint: "every touchpoint needs an id"))
                continue
            }
            let location = at("id")
            var touchpoint = existing[id] ?? Touchpoint(id: id, name: id)
            touchpoint.location = location
            if let name = cell("name") {
                guard !name.csvTrimmed.isEmpty else {
                    diagnostics.append(.error("touchpoint \"\(id)\" has no name", at: at("name"), hint: "every touchpoint needs a name"))
                    continue
                }
                touchpoint.name = name
            }
            if let value = optionalText("description") { touchpoint.description = value }
            if let value = list("channels") { touchpoint.channels = value }
            if let value = list("personas") { touchpoint.personas = value }
            if let value = cell("initiator")?.csvTrimmed.lowercased() {
                if value.isEmpty {
                    touchpoint.initiator = .customer
                } else if let initiator = Touchpoint.Initiator(rawValue: value) {
                    touchpoint.initiator = initiator
                } else {
                    diagnostics.append(.error("\"initiator\" must be customer or business, not \"\(value)\"", at: at("initiator"),
                                              hint: "write customer or business, or leave the cell empty for customer"))
                }
            }
            if let value = optionalText("owner") { touchpoint.owner = value }
            if let value = cell("emotion")?.csvTrimmed {
                if value.isEmpty {
                    touchpoint.emotion = nil
                } else if let emotion = Int(value.hasPrefix("+") ? String(value.dropFirst()) : value), Touchpoint.emotionRange.contains(emotion) {
                    touchpoint.emotion = emotion
                } else {
                    diagnostics.append(.error("\"emotion\" must be a whole number from -2 to 2, not \"\(value)\"", at: at("emotion"),
                                              hint: "-2 very unhappy … 2 delighted; leave the cell empty when unknown"))
                }
            }
            for (column, keyPath) in [("entry", \Touchpoint.entry), ("moment_of_truth", \Touchpoint.momentOfTruth)] {
                guard let value = cell(column)?.csvTrimmed.lowercased() else { continue }
                switch value {
                case "true", "yes", "1", "x": touchpoint[keyPath: keyPath] = true
                case "false", "no", "0", "": touchpoint[keyPath: keyPath] = false
                default:
                    diagnostics.append(.error("\"\(column)\" must be true or false, not \"\(value)\"", at: at(column),
                                              hint: "write true or false (yes/no work too)"))
                }
            }
            if let value = list("next") { touchpoint.next = value }
            if let value = optionalText("handoff") { touchpoint.handoff = value }
            if let value = list("pains") { touchpoint.pains = value }
            if let value = list("opportunities") { touchpoint.opportunities = value }
            if let value = list("kpis") {
                touchpoint.kpis = value.map(kpi(from:))
            }
            if let value = list("tags") { touchpoint.tags = value }
            for (field, name, count) in [(SourceMap.Field.channels, "channels", touchpoint.channels.count),
                                         (.personas, "personas", touchpoint.personas.count), (.next, "next", touchpoint.next.count)] {
                for index in 0..<count { sourceMap.record(at(name), of: field, index: index, in: location) }
            }
            sourceMap.record(location, of: .id, in: location)

            if stages[stageID] == nil {
                let name = cell("stage_name").flatMap { $0.isEmpty ? nil : $0 } ?? stageID
                stages[stageID] = Stage(id: stageID, name: name, location: at("stage"))
            } else if let name = cell("stage_name"), !name.isEmpty {
                stages[stageID]?.name = name
            }
            if !stageOrder.contains(stageID) { stageOrder.append(stageID) }
            stages[stageID]?.touchpoints.append(touchpoint)
        }
        guard diagnostics.isEmpty else { return Reading(journey: nil, diagnostics: diagnostics) }

        // The sheet's stages in the sheet's order; each stage it leaves out stays after the
        // stage that preceded it in the journey.
        var order = stageOrder
        for (index, stage) in journey.stages.enumerated() where !order.contains(stage.id) {
            let previous = journey.stages[..<index].last { order.contains($0.id) }?.id
            let slot = previous.flatMap { id in order.firstIndex(of: id).map { $0 + 1 } } ?? 0
            order.insert(stage.id, at: slot)
        }
        var result = journey
        result.stages = order.compactMap { stages[$0] }
        let problems = validator.validate(result, sourceMap: sourceMap)
        return Reading(journey: problems.containsErrors ? nil : result, diagnostics: problems)
    }

    /// `name: target`, split at the first `: `; without one, a KPI with no target.
    static func kpi(from item: String) -> Touchpoint.KPI {
        let scalars = Array(item.unicodeScalars)
        guard let colon = scalars.indices.first(where: { scalars[$0] == ":" && $0 + 1 < scalars.count && scalars[$0 + 1] == " " }) else {
            return Touchpoint.KPI(name: item)
        }
        var name = String.UnicodeScalarView()
        name.append(contentsOf: scalars[..<colon])
        var target = String.UnicodeScalarView()
        target.append(contentsOf: scalars[(colon + 2)...])
        return Touchpoint.KPI(name: String(name), target: String(target))
    }
}
