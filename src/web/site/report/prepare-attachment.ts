// The photo preparation (lib/prepare-image) as the report form fetches it: on first attachment, not with the page.
import { prepareImage } from "../../lib/prepare-image";

export default prepareImage;
