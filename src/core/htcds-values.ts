// HTCDS 2.0 picklist value names used by the case data (IOM, "Human Trafficking Case Data Standard",
// CC BY 4.0; ../shared/standards/htcds-2.0-fields.tsv). Stored verbatim so the export maps 1:1.
export const HTCDS_CREDIT =
  "Field names and picklist values: Human Trafficking Case Data Standard (HTCDS) 2.0, IOM, CC BY 4.0 (https://github.com/UNMigration/HTCDS). " +
  "Simpul uses the standard; IOM does not endorse Simpul.";

export const RECRUITMENT_METHODS = [
  "AtAPlaceOfBusiness",
  "AtAnEducationalInstitution",
  "AtWork",
  "ThroughOnlineSocialNetworks",
  "ThroughAnOnlineAdvertisement",
  "ThroughATelevisionAdvert",
  "ThroughANewspaperAdvert",
  "ThroughFamilyOrFamilyEvents",
  "ThroughFriendsOrSocialEvents",
  "Other",
] as const;

export const WEBSITES_AND_APPS = [
  "Facebook",
  "Instagram",
  "WhatsApp",
  "Telegram",
  "FacebookMessenger",
  "Viber",
  "SnapChat",
  "Line",
  "4Sale",
  "WeChat",
  "QQ",
  "QZone",
  "TikTok",
  "Twitter",
  "Other",
] as const;

export const METHODS_OF_CONTROL = [
  "PhysicalThreats",
  "ThreatsLawEnforcement",
  "ThreatensChildrenFamily",
  "DebtBondage",
  "FalsePromises",
  "PhysicalAbuse",
  "SexualAbuse",
  "TakesEarnings",
  "RestrictsFinancialAccess",
  "RestrictsMedicalCare",
  "WithholdsNecessities",
  "PsychologicalAbuse",
  "PsychoactiveSubstance",
  "ExcessiveWorkingHours",
  "WithholdsDocuments",
  "Other",
] as const;

export const EXPLOITATION_TYPES = [
  "ForcedLabour",
  "SexualExploitation",
  "ChildLabour",
  "ForcedMarriage",
  "Servitude",
  "ForcedMilitaryByNonStateActors",
  "OrganRemoval",
  "ForcedBegging",
  "ForcedAdoption",
  "Surrogacy",
  "Other",
] as const;

export const FORCED_LABOUR_INDUSTRIES = [
  "A_AgricultureForestryAndFishing",
  "B_MiningAndQuarrying",
  "C_Manufacturing",
  "D_ElectricityGasSteamAndAirConditioningSupply",
  "E_WaterSupplySewerageWasteManagement",
  "F_Construction",
  "G_WholesaleAndRetailTradeRepairOfMotorVehicles",
  "H_TransportationAndStorage",
  "I_AccommodationAndFoodServiceActivities",
  "J_InformationAndCommunication",
  "K_FinancialAndInsuranceActivities",
  "L_RealEstateActivities",
  "M_ProfessionalScientificAndTechnicalActivities",
  "N_AdministrativeAndSupportServiceActivities",
  "O_PublicAdministrationAndDefence",
  "P_Education",
  "Q_HumanHealthAndSocialWorkActivities",
  "R_ArtsEntertainmentAndRecreation",
  "S_OtherServiceActivities",
  "T_ActivitiesOfHouseholdsAsEmployers",
  "U_ActivitiesOfExtraterritorialOrganizations",
] as const;

export const PERPETRATOR_ROLES = [
  "TravellingPartner",
  "Transporter",
  "RecruiterOrIntermediary",
  "BrokerTravelAgent",
  "TransferredIndividual",
  "HarbouredIndividual",
  "SoldIndividual",
  "BoughtIndividual",
  "ReceivedIndividual",
  "ControlledIndividual",
  "Smuggler",
  "Abuser",
  "Kidnapper",
  "Exploiter",
  "Other",
] as const;
