import type { CSSProperties } from "react";

export const paragraph: CSSProperties = { fontSize: "15px", lineHeight: "24px", margin: "0 0 16px" };

export const heading: CSSProperties = {
  fontSize: "16px",
  lineHeight: "24px",
  fontWeight: 700,
  margin: "24px 0 8px",
};

export const list: CSSProperties = {
  margin: "0 0 16px",
  paddingLeft: "20px",
  fontSize: "15px",
  lineHeight: "24px",
};
