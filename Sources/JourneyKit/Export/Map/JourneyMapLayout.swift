/// Places a map's content on pages: stages as columns, lanes as rows, text wrapped in its box.
///
/// A map is a grid, not a graph, so cjm places it itself. Stages that do not fit one page at a
/// readable size go to further pages, split at stage boundaries; a stage too wide for a page
/// alone is split with a "continued" mark.
struct JourneyMapLayout {
    let content: JourneyMapContent
    let options: JourneyMapOptions
    /// The lanes drawn: those the options name, else every lane with content.
    let lanes: [MapLane]
    /// Wraps measured once for the whole map.
    let texts = MapTextCache()
    /// Whether pages keep the boxes placed (for the layout tests; drawing needs none).
    let keepsBoxes: Bool
    /// Every card of the map in map order, which columns refer to by index: a column holding
    /// its card copied the card's dozen Strings and arrays, one reference count each, whenever
    /// the lane loops went through the columns (9 % of the map's instructions, issue 19).
    let cards: [JourneyMapContent.Card]

    init(content: JourneyMapContent, options: JourneyMapOptions, keepsBoxes: Bool = false) {
        self.content = content
        self.options = options
        self.keepsBoxes = keepsBoxes
        cards = content.cards
        // Worked out once: every page and every trial of the pagination asks for them.
        if let lanes = options.lanes {
            self.lanes = lanes.filter { $0 != .findings || options.showsFindings }
        } else {
            self.lanes = MapLane.allCases.filter { content.hasContent($0) && ($0 != .findings || options.showsFindings) }
        }
    }

    /// A run of a stage's cards placed on one page.
    struct StagePart: Hashable {
        var stage: Int
        var cards: Range<Int>
        var isContinued: Bool
        /// The index in the map's card order of the first card (for the emotion values).
        var firstCard: Int
        var columns: Int { max(1, cards.count) }
    }


    private var pageWidth: Double { Double(options.page.width) }
    private var pageHeight: Double { Double(options.page.height) }
    private var columnsLeft: Double { MapStyle.margin + MapStyle.laneTitleWidth + MapStyle.gap }
    private var columnsWidth: Double { pageWidth - MapStyle.margin - columnsLeft }

    /// How many columns a page holds at the minimum readable width.
    var columnsPerPage: Int {
        max(1, Int((columnsWidth + MapStyle.gap) / (MapStyle.minimumColumnWidth + MapStyle.gap)))
    }

    /// The stage parts of each page.
    func pagination() -> [[StagePart]] {
        let capacity = columnsPerPage
        var parts: [StagePart] = []
        var firstCard = 0
        for (index, stage) in content.stages.enumerated() {
            let count = stage.cards.count
            if count <= capacity {
                parts.append(StagePart(stage: index, cards: 0..<count, isContinued: false, firstCard: firstCard))
            } else {
                for start in stride(from: 0, to: count, by: capacity) {
                    parts.append(StagePart(stage: index, cards: start..<min(count, start + capacity),
                                           isContinued: start > 0, firstCard: firstCard + start))
                }
            }
            firstCard += count
        }
        // A page takes stages while their columns keep a readable width and their lanes fit
        // the page's height without cutting texts (a single stage part always goes).
        func fits(_ page: [StagePart], capacity: Int) -> Bool {
            page.count <= 1 || (page.reduce(0) { $0 + $1.columns } <= capacity
                && !PageBuilder(layout: self, parts: page, number: 1, count: 2).verticalPlan().overflows)
        }
        func pack(_ capacity: Int) -> [[StagePart]]? {
            var pages: [[StagePart]] = []
            var current: [StagePart] = []
            for part in parts {
                guard part.columns <= capacity else { return nil }
                if !current.isEmpty, !fits(current + [part], capacity: capacity) {
                    pages.append(current)
                    current = []
                }
                current.append(part)
            }
            if !current.isEmpty || pages.isEmpty { pages.append(current) }
            return pages
        }
        // The fewest pages, then the narrowest capacity that keeps that count: pages even out.
        let fewest = pack(capacity) ?? [parts]
        let columns = parts.reduce(0) { $0 + $1.columns }
        // No capacity below an even share of the columns can keep the page count: start there.
        let evenShare = max(1, (columns + fewest.count - 1) / fewest.count)
        for smaller in min(evenShare, capacity)..<max(1, capacity) {
            if let even = pack(smaller), even.count == fewest.count { return even }
        }
        return fewest
    }

    /// Every page of the map.
    func pages() -> [MapPage] {
        var pages: [MapPage] = []
        drawPages { pages.append($0) }
        return pages
    }

    /// Every page of the map, handed to `emit` in order as soon as it is drawn.
    func drawPages(_ emit: (MapPage) -> Void) {
        let pagination = pagination()
        // Pages are alike in size: each one's buffer is reserved at the size of the one before.
        var expectedBytes = 64 * 1024
        for (index, parts) in pagination.enumerated() {
            var page = PageBuilder(layout: self, parts: parts, number: index + 1, count: pagination.count)
            let built = page.build(expectedBytes: expectedBytes)
            expectedBytes = built.document.count + 1024
            emit(built)
        }
    }

    /// Builds one page: draws it on its canvas as it places it, and keeps the boxes to check.
    private struct PageBuilder {
        let layout: JourneyMapLayout
        let parts: [StagePart]
        let number: Int
        let count: Int
        var canvas = MapCanvas()
        var boxes: [MapBox] = []
        var hasCutText = false

        init(layout: JourneyMapLayout, parts: [StagePart], number: Int, count: Int) {
            self.layout = layout
            self.parts = parts
            self.number = number
            self.count = count
        }

        var content: JourneyMapContent { layout.content }
        var words: DiagramWords { content.words }

        /// Keeps a box for the tests; drawing alone does not build it.
        mutating func keep(_ box: @autoclosure () -> MapBox) {
            if layout.keepsBoxes { boxes.append(box()) }
        }

        /// A column: its frame across the page and the card it shows, if any.
        struct Column {
            var x: Double
            var width: Double
            var part: Int
            /// The card's index in map order (in `layout.cards`).
            var cardIndex: Int?
            /// The card's name and chips at the column's width, worked out once for sizing the
            /// lane and drawing the card (nil without a card or a touchpoints lane).
            var shape: CardShape?
        }

        /// A card's name wrapped to its width and its chips placed.
        struct CardShape {
            var name: MapText.Fit
            var chips: [ChipPlace]

            /// The card's height.
            var height: Double {
                let name = MapStyle.blockHeight(lines: name.lines.count, size: MapStyle.nameSize)
                let chips = chips.last.map { $0.frame.maxY + 8 } ?? 0
                return 2 * MapStyle.cardPadding + name + 8 + chips + MapStyle.blockHeight(lines: 1, size: MapStyle.markSize)
            }
        }

        mutating func build(expectedBytes: Int) -> MapPage {
            let width = layout.pageWidth
            let height = layout.pageHeight
            let margin = MapStyle.margin
            let description = words.description(title: content.title, stages: content.stages.count,
                                                touchpoints: content.stages.reduce(0) { $0 + $1.cards.count })
                + (count > 1 ? " " + words.page(number, of: count) + "." : "")
            canvas.begin(width: width, height: height, title: content.title, description: description, expectedBytes: expectedBytes)
            canvas.rect(MapRect(x: 0, y: 0, width: width, height: height), MapPaint(fill: MapStyle.paper))

            // Title, subtitle and page number.
            var pageLabelWidth = 0.0
            if count > 1 {
                let run = MapTextRun(text: words.page(number, of: count), x: width - margin, y: margin + MapStyle.titleSize * MapStyle.ascent,
                                     size: MapStyle.pageLabelSize, color: MapStyle.muted, anchor: .end)
                pageLabelWidth = run.width + 24
                addTextBox(kind: "page-label", frame: run.frame, runs: [run])
            }
            placeLine(content.title, kind: "title", x: margin, y: margin, width: width - 2 * margin - pageLabelWidth,
                      size: MapStyle.titleSize, bold: true)
            if let subtitle = content.subtitle {
                placeLine(subtitle, kind: "subtitle", x: margin, y: margin + MapStyle.blockHeight(lines: 1, size: MapStyle.titleSize) + 8,
                          width: width - 2 * margin, size: MapStyle.subtitleSize, color: MapStyle.muted)
            }

            let plan = verticalPlan()
            let columns = plan.columns
            let lanes = plan.lanes
            let headTop = plan.headTop
            let headHeight = plan.headHeight
            let heights = Self.share(available: plan.available, needs: plan.needs)
            let lanesEnd = plan.lanesTop + heights.reduce(0, +) + Double(max(0, lanes.count - 1)) * MapStyle.gap / 2
            let legendTop = min(lanesEnd + 2 * MapStyle.gap, plan.legendTop)

            // Stage backgrounds and heads (under everything else).
            for (index, part) in parts.enumerated() {
                let frame = partFrame(part: index, columns: columns)
                let stage = content.stages[part.stage]
                let background = MapRect(x: frame.x - MapStyle.gap / 2, y: headTop, width: frame.width + MapStyle.gap,
                                         height: max(headHeight, lanesEnd - headTop))
                let head = MapRect(x: frame.x, y: headTop, width: frame.width, height: headHeight)
                let fit = layout.texts.fit(stageName(part), width: head.width - 16, size: MapStyle.stageSize, bold: true, maxLines: 2)
                let runs = lines(fit.lines, x: head.x + 8, top: head.y + 8, size: MapStyle.stageSize, bold: true, color: MapStyle.paper)
                keep(MapBox(kind: "stage", frame: head, texts: runs, parent: nil, id: stage.id))
                canvas.beginGroup(class: "stage", "data-id", stage.id, tooltip: cutTooltip(fit, stageName(part)))
                canvas.rect(background, MapPaint(fill: MapStyle.stageShade[part.stage % 2]))
                canvas.rect(head, MapPaint(fill: MapStyle.stageHead, cornerRadius: 4))
                for run in runs { canvas.text(run) }
                canvas.endGroup()
            }

            // Lanes.
            var laneTop = plan.lanesTop
            for (index, lane) in lanes.enumerated() {
                let laneHeight = heights[index]
                drawLane(lane, top: laneTop, height: laneHeight, columns: columns, index: index)
                laneTop += laneHeight + MapStyle.gap / 2
            }

            drawLegend(plan.legend, top: legendTop, width: width - 2 * margin)

            return MapPage(width: width, height: height, title: content.title, description: description, document: canvas.finish(), boxes: boxes,
                           stageIDs: parts.map { content.stages[$0.stage].id })
        }

        /// Where the page's parts go from top to bottom, and what the lanes need.
        struct VerticalPlan {
            var columns: [Column]
            var lanes: [MapLane]
            var legend: [LegendMark]
            var headTop: Double
            var headHeight: Double
            var lanesTop: Double
            var legendTop: Double
            /// The height the lanes can share (gaps between lanes taken out).
            var available: Double
            var needs: [(need: Double, least: Double)]

            /// Whether some lane would have to cut its texts.
            var overflows: Bool { needs.reduce(0) { $0 + $1.need } > available + 0.01 }
        }

        func verticalPlan() -> VerticalPlan {
            let width = layout.pageWidth
            let margin = MapStyle.margin
            var y = margin + MapStyle.blockHeight(lines: 1, size: MapStyle.titleSize) + 8
            if content.subtitle != nil { y += MapStyle.blockHeight(lines: 1, size: MapStyle.subtitleSize) + 8 }
            y += 8
            let columns = makeColumns()
            var lanes = layout.lanes
            var needs = lanes.map { need(of: $0, columns: columns) }
            // Stage heads, as tall as the tallest.
            let headLines = parts.indices.map { index in
                layout.texts.wrap(stageName(parts[index]), width: partFrame(part: index, columns: columns).width - 16, size: MapStyle.stageSize, bold: true).count
            }.max() ?? 1
            let headHeight = MapStyle.blockHeight(lines: min(2, headLines), size: MapStyle.stageSize) + 16
            let lanesTop = y + headHeight + MapStyle.gap
            var legend = legendItems(lanes: lanes, columns: columns)
            var legendTop = layout.pageHeight - margin - legendRowsHeight(legend, width: width - 2 * margin)
            var available: Double { legendTop - MapStyle.gap - lanesTop - Double(max(0, lanes.count - 1)) * MapStyle.gap / 2 }
            // On a page too short for every lane even with its texts cut, the last lanes are left out
            // rather than drawn over each other.
            while lanes.count > 1, needs.reduce(0, { $0 + $1.least }) > available {
                lanes.removeLast()
                needs.removeLast()
                legend = legendItems(lanes: lanes, columns: columns)
                legendTop = layout.pageHeight - margin - legendRowsHeight(legend, width: width - 2 * margin)
            }
            return VerticalPlan(columns: columns, lanes: lanes, legend: legend, headTop: y, headHeight: headHeight, lanesTop: lanesTop,
                                legendTop: legendTop, available: available, needs: needs)
        }

        // MARK: Columns

        func stageName(_ part: StagePart) -> String {
            let name = content.stages[part.stage].name
            return part.isContinued ? "\(name) (\(words.continued))" : name
        }

        func makeColumns() -> [Column] {
            let total = parts.reduce(0) { $0 + $1.columns }
            let width = (layout.columnsWidth - Double(max(0, total - 1)) * MapStyle.gap) / Double(max(1, total))
            var columns: [Column] = []
            var x = layout.columnsLeft
            let drawsCards = layout.lanes.contains(.touchpoints)
            for (index, part) in parts.enumerated() {
                if part.cards.isEmpty {
                    columns.append(Column(x: x, width: width, part: index, cardIndex: nil))
                    x += width + MapStyle.gap
                }
                for card in part.cards {
                    let cardIndex = part.firstCard + card - part.cards.lowerBound
                    let shape = drawsCards ? CardShape(name: nameFit(layout.cards[cardIndex], width: width), chips: chipLayout(layout.cards[cardIndex], width: width)) : nil
                    columns.append(Column(x: x, width: width, part: index, cardIndex: cardIndex,
                                          shape: shape))
                    x += width + MapStyle.gap
                }
            }
            return columns
        }

        /// The span of a stage part's columns.
        func partFrame(part: Int, columns: [Column]) -> MapRect {
            let mine = columns.filter { $0.part == part }
            guard let first = mine.first, let last = mine.last else { return MapRect(x: 0, y: 0, width: 0, height: 0) }
            return MapRect(x: first.x, y: 0, width: last.x + last.width - first.x, height: 0)
        }

        func partFrame(part: StagePart, columns: [Column]) -> MapRect {
            partFrame(part: parts.firstIndex(of: part) ?? 0, columns: columns)
        }

        // MARK: Lane sizes

        func noteHeight(lines: Int) -> Double {
            MapStyle.blockHeight(lines: lines, size: MapStyle.bodySize) + 2 * MapStyle.notePadding
        }

        func notesHeight(_ texts: [String], width: Double) -> Double {
            guard !texts.isEmpty else { return 0 }
            return texts.reduce(0) { total, text in
                total + noteHeight(lines: layout.texts.wrap(text, width: width - 2 * MapStyle.notePadding, size: MapStyle.bodySize, bold: false).count)
            } + Double(texts.count - 1) * MapStyle.chipGap
        }

        /// The height a lane needs and the least it can do with.
        func need(of lane: MapLane, columns: [Column]) -> (need: Double, least: Double) {
            let titleLines = layout.texts.wrap(words.title(of: lane), width: MapStyle.laneTitleWidth - 16, size: MapStyle.laneTitleSize, bold: true).count
            let titleHeight = MapStyle.blockHeight(lines: titleLines, size: MapStyle.laneTitleSize) + 16
            switch lane {
            case .touchpoints:
                let card = columns.compactMap { $0.shape?.height }.max() ?? 40
                let height = max(titleHeight, card + 2 * MapStyle.cellPadding)
                return (height, height)
            case .emotion:
                // Level labels need 18 units apart at least; 28 reads best.
                return (max(titleHeight, 4 * MapStyle.emotionStep + 64), max(titleHeight, 4 * 18 + 64))
            default:
                var need = 0.0
                for column in columns {
                    guard let card = column.cardIndex else { continue }
                    need = max(need, notesHeight(layout.cards[card].notes(lane), width: column.width))
                }
                if lane == .findings {
                    // Findings about a stage span the stage's columns, above the cards' findings.
                    for (index, part) in parts.enumerated() {
                        let stageNotes = content.stages[part.stage].findings.map(\.text)
                        guard !stageNotes.isEmpty, !part.isContinued else { continue }
                        let stageHeight = notesHeight(stageNotes, width: partFrame(part: index, columns: columns).width) + MapStyle.chipGap
                        let cards = columns.filter { $0.part == index }.compactMap { column in
                            column.cardIndex.map { notesHeight(layout.cards[$0].notes(.findings), width: column.width) }
                        }.max() ?? 0
                        need = max(need, stageHeight + cards)
                    }
                }
                let height = max(titleHeight, need + 2 * MapStyle.cellPadding)
                return (height, max(titleHeight, min(height, noteHeight(lines: 1) + 2 * MapStyle.cellPadding)))
            }
        }

        /// Lane heights: each lane gets what it needs when there is room; otherwise the lanes that
        /// need the most share what is left equally, never below their least.
        static func share(available: Double, needs: [(need: Double, least: Double)]) -> [Double] {
            var heights = needs.map(\.need)
            guard heights.reduce(0, +) > available else { return heights }
            var open = Set(needs.indices.filter { needs[$0].need > needs[$0].least })
            var left = available - needs.indices.filter { !open.contains($0) }.reduce(0) { $0 + needs[$1].need }
            while !open.isEmpty {
                let share = left / Double(open.count)
                // Lanes that cannot go down to a share take their least first; then lanes that
                // need less than a share take what they need; the rest share what is left.
                let stubborn = open.filter { needs[$0].least >= share }
                let modest = open.filter { needs[$0].need <= share }
                let settled = !stubborn.isEmpty ? stubborn : modest
                if settled.isEmpty {
                    for index in open { heights[index] = share.rounded(.down) }
                    break
                }
                for index in settled {
                    heights[index] = stubborn.isEmpty ? needs[index].need : needs[index].least
                    left -= heights[index]
                    open.remove(index)
                }
            }
            return heights
        }

        // MARK: Cards

        func nameFit(_ card: JourneyMapContent.Card, width: Double) -> MapText.Fit {
            layout.texts.fit(card.name, width: width - 2 * MapStyle.cardPadding, size: MapStyle.nameSize, bold: true, maxLines: MapStyle.maxNameLines)
        }

        /// A channel chip: its lines, its tooltip when cut, and its frame within the chip area.
        struct ChipPlace {
            var lines: [String]
            var tooltip: String?
            var status: Channel.Status
            var frame: MapRect
        }

        /// The chips of a card, flowing left to right in rows; a name wraps to two lines at most.
        func chipLayout(_ card: JourneyMapContent.Card, width: Double) -> [ChipPlace] {
            let inner = width - 2 * MapStyle.cardPadding
            let textWidth = inner - 16
            var shown = Array(card.chips.prefix(MapStyle.maxChips))
            var hidden: [JourneyMapContent.Chip] = []
            if card.chips.count > MapStyle.maxChips {
                shown = Array(card.chips.prefix(MapStyle.maxChips - 1))
                hidden = Array(card.chips.dropFirst(MapStyle.maxChips - 1))
            }
            var result: [ChipPlace] = []
            var x = 0.0
            var y = 0.0
            var rowHeight = 0.0
            func place(_ lines: [String], tooltip: String?, status: Channel.Status) {
                let widest = lines.map { MapFontMetrics.width($0, size: MapStyle.bodySize, bold: false) }.max() ?? 0
                let chipWidth = min(inner, widest + 16)
                let chipHeight = MapStyle.blockHeight(lines: lines.count, size: MapStyle.bodySize) + 10
                if x > 0, x + chipWidth > inner {
                    x = 0
                    y += rowHeight + MapStyle.chipGap
                    rowHeight = 0
                }
                result.append(ChipPlace(lines: lines, tooltip: tooltip, status: status, frame: MapRect(x: x, y: y, width: chipWidth, height: chipHeight)))
                x += chipWidth + MapStyle.chipGap
                rowHeight = max(rowHeight, chipHeight)
            }
            for chip in shown {
                let status = switch chip.status {
                case .live: ""
                case .planned: words.planned
                case .retired: words.retired
                }
                let fit = layout.texts.fit(chip.name, width: textWidth, size: MapStyle.bodySize, bold: false, maxLines: 2)
                var lines = fit.lines
                if !status.isEmpty {
                    let last = lines[lines.count - 1] + " · " + status
                    if MapFontMetrics.width(last, size: MapStyle.bodySize, bold: false) <= textWidth {
                        lines[lines.count - 1] = last
                    } else {
                        lines.append(status)
                    }
                }
                place(lines, tooltip: fit.isCut ? chip.name : nil, status: chip.status)
            }
            if !hidden.isEmpty {
                place(["+\(hidden.count)"], tooltip: hidden.map(\.name).joined(separator: "\n"), status: .live)
            }
            return result
        }

        // MARK: Drawing lanes

        mutating func drawLane(_ lane: MapLane, top: Double, height: Double, columns: [Column], index: Int) {
            let margin = MapStyle.margin
            let frame = MapRect(x: margin, y: top, width: layout.pageWidth - 2 * margin, height: height)
            let titleCell = MapRect(x: margin, y: top, width: MapStyle.laneTitleWidth, height: height)
            let titleFit = layout.texts.fit(words.title(of: lane), width: titleCell.width - 16, size: MapStyle.laneTitleSize, bold: true,
                                       maxLines: max(1, Int((height - 16) / MapStyle.lineHeight(MapStyle.laneTitleSize))))
            let titleRuns = lines(titleFit.lines, x: titleCell.x + 8, top: titleCell.y + 8, size: MapStyle.laneTitleSize, bold: true)
            let titleBox = boxes.count
            keep(MapBox(kind: "lane-title", frame: titleCell, texts: titleRuns, parent: nil, id: lane.rawValue))
            canvas.beginGroup(class: "lane", "data-lane", lane.rawValue, tooltip: cutTooltip(titleFit, words.title(of: lane)))
            if index % 2 == 0 {
                canvas.rect(MapRect(x: frame.x, y: frame.y, width: MapStyle.laneTitleWidth, height: height), MapPaint(fill: MapStyle.band))
            }
            canvas.line(MapPoint(x: margin, y: top), MapPoint(x: frame.maxX, y: top), MapPaint(stroke: MapStyle.rule, strokeWidth: 1))
            if lane == .backstage {
                // The line of visibility: what customers see is above it.
                canvas.line(MapPoint(x: layout.columnsLeft, y: top - MapStyle.gap / 4), MapPoint(x: frame.maxX, y: top - MapStyle.gap / 4),
                            MapPaint(stroke: MapStyle.ink, strokeWidth: 2, dash: "12 6"))
            }
            for run in titleRuns { canvas.text(run) }
            canvas.endGroup()

            switch lane {
            case .touchpoints:
                for column in columns {
                    guard let card = column.cardIndex, let shape = column.shape else {
                        placeNote(words.noTouchpoints, kind: "empty", frame: MapRect(x: column.x, y: top + MapStyle.cellPadding, width: column.width, height: height - 2 * MapStyle.cellPadding), fill: nil, stroke: MapStyle.rule, italic: true)
                        continue
                    }
                    drawCard(layout.cards[card], shape: shape, frame: MapRect(x: column.x, y: top + MapStyle.cellPadding, width: column.width, height: height - 2 * MapStyle.cellPadding))
                }
            case .emotion:
                drawEmotion(top: top, height: height, columns: columns, titleBox: titleBox, titleBottom: titleRuns.last.map { $0.frame.maxY } ?? top)
            default:
                let cellTop = top + MapStyle.cellPadding
                let cellBottom = top + height - MapStyle.cellPadding
                // Findings about a stage span its columns, above the findings about its cards.
                var partTop = Array(repeating: cellTop, count: parts.count)
                if lane == .findings {
                    for (index, part) in parts.enumerated() where !part.isContinued {
                        let stage = content.stages[part.stage]
                        guard !stage.findings.isEmpty else { continue }
                        let span = partFrame(part: index, columns: columns)
                        let cardsHaveFindings = columns.contains { column in
                            column.part == index && column.cardIndex.map { !layout.cards[$0].findings.isEmpty } ?? false
                        }
                        let used = drawNotes(stage.findings.map { ($0.text, $0.rule) }, lane: lane,
                                             frame: MapRect(x: span.x, y: cellTop, width: span.width, height: cellBottom - cellTop),
                                             reserveBelow: cardsHaveFindings)
                        partTop[index] = cellTop + used + MapStyle.chipGap
                    }
                }
                for column in columns {
                    guard let card = column.cardIndex else { continue }
                    let texts: [(String, String?)] = lane == .findings
                        ? layout.cards[card].findings.map { ($0.text, $0.rule) } : layout.cards[card].notes(lane).map { ($0, nil) }
                    _ = drawNotes(texts, lane: lane, frame: MapRect(x: column.x, y: partTop[column.part], width: column.width, height: cellBottom - partTop[column.part]), reserveBelow: false)
                }
            }
        }

        mutating func drawCard(_ card: JourneyMapContent.Card, shape: CardShape, frame: MapRect) {
            let cardBox = boxes.count
            let name = shape.name
            var runs = lines(name.lines, x: frame.x + MapStyle.cardPadding, top: frame.y + MapStyle.cardPadding, size: MapStyle.nameSize, bold: true)
            let chips = shape.chips
            // The tooltip opens the card's group: the cut name and the cut chips' names, known first.
            var tooltip: [String] = name.isCut ? [card.name] : []
            if name.isCut { hasCutText = true }
            for chip in chips {
                if let chipTooltip = chip.tooltip {
                    tooltip.append(chipTooltip)
                    hasCutText = hasCutText || chip.lines.first?.hasPrefix("+") != true
                }
            }
            canvas.beginGroup(class: "touchpoint", "data-id", card.id, tooltip: tooltip.isEmpty ? nil : tooltip.joined(separator: "\n"))
            canvas.rect(frame, MapPaint(fill: MapStyle.paper, stroke: MapStyle.cardStroke, strokeWidth: card.isMomentOfTruth ? 2.5 : 1.2, cornerRadius: 6))
            for run in runs { canvas.text(run) }
            let chipsTop = frame.y + MapStyle.cardPadding + MapStyle.blockHeight(lines: name.lines.count, size: MapStyle.nameSize) + 8
            var chipBoxes: [MapBox] = []
            for chip in chips {
                let chipFrame = MapRect(x: frame.x + MapStyle.cardPadding + chip.frame.x, y: chipsTop + chip.frame.y,
                                        width: chip.frame.width, height: chip.frame.height)
                let paint = switch chip.status {
                case .live: MapPaint(fill: MapStyle.chipLive, stroke: MapStyle.chipStroke, cornerRadius: 12)
                case .planned: MapPaint(fill: MapStyle.paper, stroke: MapStyle.chipStroke, strokeWidth: 1.5, dash: "5 3", cornerRadius: 12)
                case .retired: MapPaint(fill: MapStyle.chipRetired, stroke: MapStyle.muted, dash: "1 3", cornerRadius: 12)
                }
                var chipRuns = lines(chip.lines, x: chipFrame.x + 8, top: chipFrame.y + 5, size: MapStyle.bodySize,
                                     color: chip.status == .retired ? MapStyle.muted : MapStyle.ink)
                for index in chipRuns.indices { chipRuns[index].italic = chip.status != .live }
                canvas.rect(chipFrame, paint)
                for run in chipRuns { canvas.text(run) }
                if layout.keepsBoxes { chipBoxes.append(MapBox(kind: "chip", frame: chipFrame, texts: chipRuns, parent: cardBox, id: nil)) }
            }
            // Footer: who starts the contact at the left, the marks at the right.
            let footerBaseline = frame.maxY - MapStyle.cardPadding - MapStyle.markSize * MapStyle.descent
            let initiator = MapTextRun(text: card.initiator == .customer ? words.customer : words.business, x: frame.x + MapStyle.cardPadding,
                                       y: footerBaseline, size: MapStyle.bodySize, italic: true, color: MapStyle.muted)
            canvas.text(initiator)
            runs.append(initiator)
            let marks = (card.isEntry ? "▶" : "") + (card.isEntry && card.isMomentOfTruth ? " " : "") + (card.isMomentOfTruth ? "★" : "")
            if !marks.isEmpty {
                let run = MapTextRun(text: marks, x: frame.maxX - MapStyle.cardPadding, y: footerBaseline, size: MapStyle.markSize,
                                     bold: true, color: MapStyle.ink, anchor: .end)
                canvas.text(run)
                runs.append(run)
            }
            canvas.endGroup()
            keep(MapBox(kind: "card", frame: frame, texts: runs, parent: nil, id: card.id))
            boxes += chipBoxes
        }

        /// Draws notes stacked in `frame`; a note that does not fit is cut (with "+N" for the notes
        /// left out, whose texts go into its tooltip). Returns the height used.
        mutating func drawNotes(_ texts: [(text: String, rule: String?)], lane: MapLane, frame: MapRect, reserveBelow: Bool) -> Double {
            var y = frame.y
            let innerWidth = frame.width - 2 * MapStyle.notePadding
            // Stage findings leave room for a line of the cards' findings below them.
            let bottom = frame.maxY - (reserveBelow ? noteHeight(lines: 1) + MapStyle.chipGap : 0)
            for (index, note) in texts.enumerated() {
                let left = texts.count - index - 1
                let wrapped = layout.texts.wrap(note.text, width: innerWidth, size: MapStyle.bodySize, bold: false)
                let full = noteHeight(lines: wrapped.count)
                let room = bottom - y
                let fitsWithNext = left == 0 ? full <= room + 0.01 : full + MapStyle.chipGap + noteHeight(lines: 1) <= room + 0.01
                var fit = MapText.Fit(lines: wrapped, isCut: false)
                var tooltip: String?
                if !fitsWithNext {
                    let maxLines = Int((room - noteHeight(lines: 1)) / MapStyle.lineHeight(MapStyle.bodySize)) + 1
                    guard maxLines >= 1 else { break }
                    fit = layout.texts.fit(note.text, width: innerWidth, size: MapStyle.bodySize, bold: false, maxLines: min(maxLines, wrapped.count),
                                      suffix: left > 0 ? " +\(left)" : "")
                    if fit.isCut || left > 0 {
                        tooltip = texts[index...].map(\.text).joined(separator: "\n")
                        hasCutText = true
                    }
                }
                let height = noteHeight(lines: fit.lines.count)
                placeNote(fit.lines, kind: "note", frame: MapRect(x: frame.x, y: y, width: frame.width, height: height),
                          fill: MapStyle.noteFill[lane], stroke: MapStyle.noteStroke[lane], tooltip: tooltip, rule: note.rule)
                y += height + MapStyle.chipGap
                if !fitsWithNext { break }
            }
            return max(0, y - frame.y - MapStyle.chipGap)
        }

        mutating func placeNote(_ text: String, kind: String, frame: MapRect, fill: String?, stroke: String, italic: Bool) {
            let fit = layout.texts.fit(text, width: frame.width - 2 * MapStyle.notePadding, size: MapStyle.bodySize, bold: false, maxLines: 1)
            var runs = lines(fit.lines, x: frame.x + MapStyle.notePadding, top: frame.y + MapStyle.notePadding, size: MapStyle.bodySize)
            for index in runs.indices {
                runs[index].italic = italic
                runs[index].color = MapStyle.muted
            }
            keep(MapBox(kind: kind, frame: frame, texts: runs, parent: nil, id: nil))
            canvas.beginGroup(class: kind)
            canvas.rect(frame, MapPaint(fill: fill, stroke: stroke, dash: "4 4", cornerRadius: 4))
            for run in runs { canvas.text(run) }
            canvas.endGroup()
        }

        mutating func placeNote(_ lines: [String], kind: String, frame: MapRect, fill: String?, stroke: String?, tooltip: String?, rule: String?) {
            let runs = self.lines(lines, x: frame.x + MapStyle.notePadding, top: frame.y + MapStyle.notePadding, size: MapStyle.bodySize)
            keep(MapBox(kind: rule == nil ? kind : "finding", frame: frame, texts: runs, parent: nil, id: nil))
            if let rule {
                canvas.beginGroup(class: "finding", "data-rule", rule, tooltip: tooltip)
            } else {
                canvas.beginGroup(class: kind, tooltip: tooltip)
            }
            canvas.rect(frame, MapPaint(fill: fill, stroke: stroke, strokeWidth: 1, cornerRadius: 4))
            for run in runs { canvas.text(run) }
            canvas.endGroup()
        }

        // MARK: Emotion

        static func levelY(_ level: Int, top: Double, height: Double) -> Double {
            top + 36 + Double(2 - level) * min(MapStyle.emotionStep, (height - 64) / 4)
        }

        mutating func drawEmotion(top: Double, height: Double, columns: [Column], titleBox: Int, titleBottom: Double) {
            canvas.beginGroup(class: "emotion-scale")
            let left = layout.columnsLeft - MapStyle.gap / 2
            let right = layout.pageWidth - MapStyle.margin
            for level in stride(from: 2, through: -2, by: -1) {
                let y = Self.levelY(level, top: top, height: height) + 8
                canvas.line(MapPoint(x: left, y: y), MapPoint(x: right, y: y),
                            MapPaint(stroke: level == 0 ? MapStyle.muted : MapStyle.rule, strokeWidth: level == 0 ? 1.2 : 0.8, dash: level == 0 ? nil : "2 4"))
                let sign = level > 0 ? "+\(level)" : level < 0 ? "−\(-level)" : "0"
                let run = MapTextRun(text: "\(words.emotionLevel(level)) \(sign)", x: layout.columnsLeft - MapStyle.gap - 8, y: y + 5,
                                     size: MapStyle.bodySize, color: MapStyle.muted, anchor: .end)
                // Level labels sit in the lane's title cell, below its title.
                if run.frame.y >= titleBottom, run.frame.x >= MapStyle.margin {
                    canvas.circle(MapPoint(x: run.frame.x - 9, y: y), radius: 5,
                                  MapPaint(fill: MapStyle.emotionColors[level + 2], stroke: MapStyle.ink, strokeWidth: 0.8))
                    canvas.text(run)
                    keep(MapBox(kind: "emotion-level", frame: MapRect(x: run.frame.x - 15, y: run.frame.y, width: run.frame.width + 15, height: run.frame.height),
                                        texts: [run], parent: titleBox, id: nil))
                }
            }
            canvas.endGroup()

            let multiple = content.emotion.count > 1
            // Several personas often feel the same at a touchpoint: each line is shifted a little
            // so that lines on top of each other stay visible side by side.
            let spread = multiple ? min(5.0, 16.0 / Double(content.emotion.count)) : 0
            var labelFrames: [MapRect] = []
            // Right of the last card's point no line goes on: a name may sit there.
            let lastCardCentre = columns.last { $0.cardIndex != nil }.map { $0.x + $0.width / 2 }
            for (seriesIndex, series) in content.emotion.enumerated() {
                let shift = (Double(seriesIndex) - Double(content.emotion.count - 1) / 2) * spread
                var runs: [[MapPoint]] = []
                var current: [MapPoint] = []
                var markers: [(point: MapPoint, fill: String)] = []
                let color = multiple ? MapStyle.personaColors[seriesIndex % MapStyle.personaColors.count] : MapStyle.ink
                for column in columns {
                    guard let index = column.cardIndex, index < series.values.count, let value = series.values[index] else {
                        if !current.isEmpty { runs.append(current) }
                        current = []
                        continue
                    }
                    let point = MapPoint(x: column.x + column.width / 2 + shift, y: Self.levelY(value, top: top, height: height) + 8 + shift)
                    current.append(point)
                    markers.append((point, multiple ? color : MapStyle.emotionColors[value + 2]))
                }
                if !current.isEmpty { runs.append(current) }
                let dash = multiple ? MapStyle.personaDashes[seriesIndex % MapStyle.personaDashes.count] : nil
                canvas.path(runs: runs, paint: MapPaint(stroke: color, strokeWidth: 3, dash: dash), class: "emotion-line", "data-persona", series.persona)
                for marker in markers {
                    canvas.circle(marker.point, radius: multiple ? 6 : 7, MapPaint(fill: marker.fill, stroke: MapStyle.ink, strokeWidth: 1.5))
                }
                if multiple, let last = runs.last?.last {
                    // The persona's name at the line's end: right of it when the page has room (the
                    // line comes from the left, so the name does not cross it), else above or below
                    // it, further away when another persona's name is already there.
                    let after = MapTextRun(text: series.name, x: last.x + 12, y: last.y + 5, size: MapStyle.bodySize,
                                           bold: true, color: color, anchor: .start)
                    let endsLast = lastCardCentre.map { abs(last.x - shift - $0) < 1 } ?? false
                    let candidates = (endsLast && after.frame.maxX <= right ? [after] : []) + [-12.0, 24, -28, 40, -44, 56].map { offset in
                        MapTextRun(text: series.name, x: last.x - 10, y: last.y + offset, size: MapStyle.bodySize,
                                   bold: true, color: color, anchor: .end)
                    }
                    // Only places inside the emotion lane, so a name never covers a card or a note.
                    let inLane = candidates.filter { $0.frame.y >= top && $0.frame.maxY <= top + height }
                    let run = inLane.first { run in !labelFrames.contains { $0.overlaps(run.frame) } } ?? inLane.first ?? candidates[0]
                    labelFrames.append(run.frame)
                    canvas.text(run)
                }
            }
        }

        // MARK: Legend

        enum LegendMark: Hashable { case entry, momentOfTruth, planned, retired, initiator, gap, cut }

        func legendItems(lanes: [MapLane], columns: [Column]) -> [LegendMark] {
            let cards = columns.compactMap(\.cardIndex)
            var items: [LegendMark] = []
            if lanes.contains(.touchpoints) {
                if cards.contains(where: { layout.cards[$0].isEntry }) { items.append(.entry) }
                if cards.contains(where: { layout.cards[$0].isMomentOfTruth }) { items.append(.momentOfTruth) }
                var statuses: Set<Channel.Status> = []
                for card in cards {
                    let chips = layout.cards[card].chips
                    for chip in chips.prefix(MapStyle.maxChips - (chips.count > MapStyle.maxChips ? 1 : 0)) { statuses.insert(chip.status) }
                }
                if statuses.contains(.planned) { items.append(.planned) }
                if statuses.contains(.retired) { items.append(.retired) }
                if !cards.isEmpty { items.append(.initiator) }
            }
            if lanes.contains(.emotion) {
                let values = content.emotion.flatMap { series in columns.compactMap { $0.cardIndex.flatMap { $0 < series.values.count ? series.values[$0] : nil } } }
                let given = content.emotion.reduce(0) { total, series in
                    total + columns.filter { $0.cardIndex.map { $0 < series.values.count && series.values[$0] != nil } ?? false }.count
                }
                if !values.isEmpty, given < cards.count * content.emotion.count { items.append(.gap) }
            }
            items.append(.cut) // dropped when nothing was cut; reserved so that the legend's height is known
            return items
        }

        func legendText(_ mark: LegendMark) -> String {
            switch mark {
            case .entry: words.legendEntry
            case .momentOfTruth: words.legendMomentOfTruth
            case .planned: words.legendPlanned
            case .retired: words.legendRetired
            case .initiator: "\(words.customer) / \(words.business): \(words.legendInitiator)"
            case .gap: words.legendGap
            case .cut: words.legendCut
            }
        }

        static let legendSymbolWidth = 44.0
        static let legendRowHeight = 26.0

        func legendRowsHeight(_ items: [LegendMark], width: Double) -> Double {
            Double(legendRows(items, width: width).count) * Self.legendRowHeight
        }

        func legendRows(_ items: [LegendMark], width: Double) -> [[(LegendMark, Double)]] {
            var rows: [[(LegendMark, Double)]] = [[]]
            var x = 0.0
            for item in items {
                let itemWidth = min(width, Self.legendSymbolWidth + 6 + MapFontMetrics.width(legendText(item), size: MapStyle.bodySize, bold: false))
                if x > 0, x + itemWidth > width {
                    rows.append([])
                    x = 0
                }
                rows[rows.count - 1].append((item, itemWidth))
                x += itemWidth + 28
            }
            return rows
        }

        mutating func drawLegend(_ items: [LegendMark], top: Double, width: Double) {
            let items = hasCutText ? items : items.filter { $0 != .cut }
            canvas.beginGroup(class: "legend")
            for (rowIndex, row) in legendRows(items, width: width).enumerated() {
                var x = MapStyle.margin
                let y = top + Double(rowIndex) * Self.legendRowHeight
                for (item, itemWidth) in row {
                    let frame = MapRect(x: x, y: y, width: itemWidth, height: Self.legendRowHeight - 4)
                    let symbol = MapRect(x: x, y: y + 1, width: Self.legendSymbolWidth, height: 20)
                    let middle = MapPoint(x: symbol.midX, y: symbol.y + 10)
                    switch item {
                    case .entry, .momentOfTruth:
                        canvas.text(MapTextRun(text: item == .entry ? "▶" : "★", x: middle.x, y: y + 16, size: MapStyle.markSize,
                                               bold: true, anchor: .middle))
                    case .planned:
                        canvas.rect(symbol, MapPaint(fill: MapStyle.paper, stroke: MapStyle.chipStroke, strokeWidth: 1.5, dash: "5 3", cornerRadius: 10))
                    case .retired:
                        canvas.rect(symbol, MapPaint(fill: MapStyle.chipRetired, stroke: MapStyle.muted, dash: "1 3", cornerRadius: 10))
                    case .initiator:
                        canvas.text(MapTextRun(text: "Aa", x: middle.x, y: y + 16, size: MapStyle.bodySize, italic: true,
                                               color: MapStyle.muted, anchor: .middle))
                    case .gap:
                        canvas.line(MapPoint(x: symbol.x, y: middle.y), MapPoint(x: symbol.x + 14, y: middle.y), MapPaint(stroke: MapStyle.ink, strokeWidth: 3))
                        canvas.line(MapPoint(x: symbol.maxX - 14, y: middle.y), MapPoint(x: symbol.maxX, y: middle.y), MapPaint(stroke: MapStyle.ink, strokeWidth: 3))
                    case .cut:
                        canvas.text(MapTextRun(text: MapText.ellipsis, x: middle.x, y: y + 16, size: MapStyle.markSize, bold: true, anchor: .middle))
                    }
                    let fit = layout.texts.fit(legendText(item), width: itemWidth - Self.legendSymbolWidth - 6, size: MapStyle.bodySize, bold: false, maxLines: 1)
                    let run = MapTextRun(text: fit.lines.first ?? "", x: x + Self.legendSymbolWidth + 6, y: y + 16, size: MapStyle.bodySize, color: MapStyle.muted)
                    canvas.text(run)
                    keep(MapBox(kind: "legend", frame: frame, texts: [run], parent: nil, id: nil))
                    x += itemWidth + 28
                }
            }
            canvas.endGroup()
        }

        // MARK: Text helpers

        /// Text runs for `lines`, the first one's top at `top`.
        func lines(_ lines: [String], x: Double, top: Double, size: Double, bold: Bool = false, color: String = MapStyle.ink) -> [MapTextRun] {
            lines.enumerated().map { index, line in
                MapTextRun(text: line, x: x, y: top + size * MapStyle.ascent + Double(index) * MapStyle.lineHeight(size), size: size, bold: bold, color: color)
            }
        }

        /// A single line of text, cut to `width`, as its own box.
        mutating func placeLine(_ text: String, kind: String, x: Double, y: Double, width: Double, size: Double, bold: Bool = false, color: String = MapStyle.ink) {
            let fit = layout.texts.fit(text, width: width, size: size, bold: bold, maxLines: 1)
            let runs = lines(fit.lines, x: x, top: y, size: size, bold: bold, color: color)
            keep(MapBox(kind: kind, frame: MapRect(x: x, y: y, width: width, height: MapStyle.blockHeight(lines: 1, size: size)), texts: runs, parent: nil, id: nil))
            canvas.beginGroup(class: kind, tooltip: cutTooltip(fit, text))
            for run in runs { canvas.text(run) }
            canvas.endGroup()
        }

        mutating func addTextBox(kind: String, frame: MapRect, runs: [MapTextRun]) {
            keep(MapBox(kind: kind, frame: frame, texts: runs, parent: nil, id: nil))
            canvas.beginGroup(class: kind)
            for run in runs { canvas.text(run) }
            canvas.endGroup()
        }

        /// The full text as a tooltip when the fit cut it.
        mutating func cutTooltip(_ fit: MapText.Fit, _ text: String) -> String? {
            guard fit.isCut else { return nil }
            hasCutText = true
            return text
        }
    }
}
