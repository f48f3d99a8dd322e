/**
 * The dashboard charts' colours, shared by the server-drawn SVG and the legends on the page. Colour
 * never carries meaning alone: every series also has its own line style, marker and label.
 */
export const SERIES = { enrollments: '#9f1d20', certificates: '#1d4ed8', attendance: '#1f6b33', funnel: '#9f1d20', funnelSide: '#6b6b6b' } as const;
