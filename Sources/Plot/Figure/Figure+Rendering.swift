import Foundation

extension Figure {
    /// The figure as PNG bytes (8-bit RGB). The same figure gives the same bytes.
    /// - Throws: ``PlotError/fontNotFound(file:searched:)`` when the theme's fonts are missing,
    ///   ``PlotError/invalidSize(width:height:scale:)`` for an empty or huge image.
    public func png() throws -> [UInt8] {
        try render().canvas.png()
    }

    /// The figure as PNG bytes in a `Data`, for embedding in notebooks.
    public func pngData() throws -> Data {
        Data(try png())
    }

    /// Writes the figure as a PNG file, atomically (a temporary file renamed over `url`).
    public func save(to url: URL) throws {
        try writeAtomically(try png(), to: url)
    }

    /// The drawn canvas and the layout it was drawn with.
    func render() throws -> (canvas: Canvas, layouts: [PanelLayout]) {
        let (pixelWidth, pixelHeight) = pixelSize
        guard scale > 0, scale.isFinite, pixelWidth > 0, pixelHeight > 0, pixelWidth <= 20_000, pixelHeight <= 20_000 else {
            throw PlotError.invalidSize(width: width, height: height, scale: scale)
        }
        let fonts = try FontSet(theme: theme, pixelScale: scale)
        let measure = TextMeasurer()
        let layouts = try layout(fonts: fonts, measure: measure)
        let canvas = try Canvas(width: pixelWidth, height: pixelHeight, background: theme.background)

        if let title, !title.isEmpty {
            try canvas.draw(title, font: fonts.bold(theme.titleSize), color: theme.textColor,
                            at: Point(Double(pixelWidth) / 2, theme.padding * scale), anchor: .topCenter)
        }
        for (panel, layout) in zip(panels, layouts) {
            let axes = AxisRenderer(layout: layout, panel: panel, theme: theme, fonts: fonts, pixelScale: scale)
            axes.drawBackground(on: canvas)
            let context = DrawContext(layout: layout.context(pixelScale: scale, theme: theme), canvas: canvas, fonts: fonts)
            canvas.clip = layout.style == .axes ? layout.frame : nil
            for layer in panel.layers { try layer.draw(in: context) }
            canvas.clip = nil
            axes.drawFrame(on: canvas)
            try axes.drawLabels(on: canvas)
            if let colorbar = layout.colorbar {
                try colorbar.draw(on: canvas, beside: layout.frame, font: fonts.regular(theme.tickLabelSize), theme: theme,
                                  pixelScale: scale)
            }
            if let box = layout.legendBox {
                try LegendBox(entries: layout.legendEntries, font: fonts.regular(theme.legendSize), pixelScale: scale)
                    .draw(on: canvas, in: box, theme: theme)
            }
        }
        return (canvas, layouts)
    }
}
